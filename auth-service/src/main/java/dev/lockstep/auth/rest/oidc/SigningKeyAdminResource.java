package dev.lockstep.auth.rest.oidc;

import dev.lockstep.auth.service.SigningKeys;
import dev.lockstep.platform.security.AdminApi;
import dev.lockstep.platform.security.Operator;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operators rotate the token signing key; audited. */
@Path("/v1/admin/signing-keys/rotate")
@AdminApi
@Tag(name = "OpenID Connect clients")
public class SigningKeyAdminResource {

    private final Operator operator;

    private final SigningKeys keys;

    public SigningKeyAdminResource(Operator operator, SigningKeys keys) {
        this.operator = operator;
        this.keys = keys;
    }

    @POST
    @Operation(summary = "A new key signs from now on; the old one stays in the JWKS until its tokens have expired")
    public Map<String, String> rotate() {
        return Map.of("kid", keys.rotate(operator.name()));
    }
}
