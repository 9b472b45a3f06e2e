package dev.lockstep.auth.rest.oidc;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import dev.lockstep.auth.service.faults.IdpFaults;
import dev.lockstep.auth.service.oidc.TokenGrants;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The token endpoint: a form POST, parsed by Nimbus; errors in the OAuth format. */
@Path("/oauth2/token")
@Tag(name = "OpenID Connect")
public class TokenResource {

    private final TokenGrants grants;

    private final IdpFaults faults;

    public TokenResource(TokenGrants grants, IdpFaults faults) {
        this.grants = grants;
        this.faults = faults;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Exchange a code, a refresh token or client credentials for tokens")
    public Response token(String body, @Context UriInfo uri, @Context HttpHeaders headers) {
        HTTPRequest request = NimbusRequests.of(HTTPRequest.Method.POST, uri, headers, body);
        faults.gate("token", NimbusRequests.clientId(request));
        return Response.ok(grants.exchange(request))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache").build();
    }
}
