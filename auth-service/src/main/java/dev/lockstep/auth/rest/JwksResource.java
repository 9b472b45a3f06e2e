package dev.lockstep.auth.rest;

import dev.lockstep.auth.service.SigningKeys;
import dev.lockstep.auth.service.faults.IdpFaults;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public keys that verify access tokens (RFC 7517). */
@Path("/.well-known/jwks.json")
@Tag(name = "Tokens")
public class JwksResource {

    private final SigningKeys keys;

    private final IdpFaults faults;

    public JwksResource(SigningKeys keys, IdpFaults faults) {
        this.keys = keys;
        this.faults = faults;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "JSON Web Key Set with the RS256 token signing key")
    public Map<String, Object> jwks() {
        Optional<IdpFaults.Fired> fault = faults.at("jwks", null);
        if (fault.isPresent() && "fail".equals(fault.get().effect())) {
            throw fault.get().asOAuthError();
        }
        return fault.isPresent() ? keys.jwksWithout(keys.current().kid()) : keys.jwks();
    }
}
