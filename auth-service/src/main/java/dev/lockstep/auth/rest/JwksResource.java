package dev.lockstep.auth.rest;

import dev.lockstep.auth.service.SigningKeys;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public keys that verify access tokens (RFC 7517). */
@Path("/.well-known/jwks.json")
@Tag(name = "Tokens")
public class JwksResource {

    @Inject
    SigningKeys keys;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "JSON Web Key Set with the RS256 token signing key")
    public Map<String, Object> jwks() {
        return keys.jwks();
    }
}
