package dev.lockstep.auth.rest.oidc;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import dev.lockstep.auth.domain.Account;
import dev.lockstep.auth.service.faults.IdpFaults;
import dev.lockstep.auth.service.oidc.AccessTokens;
import dev.lockstep.auth.service.oidc.OAuthException;
import dev.lockstep.auth.service.oidc.UserClaims;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Userinfo (OpenID Connect Core 5.3) by GET or POST, the bearer in the header or (POST) in the form. */
@Path("/oauth2/userinfo")
@Tag(name = "OpenID Connect")
@Produces(MediaType.APPLICATION_JSON)
public class UserInfoResource {

    private final AccessTokens tokens;

    private final IdpFaults faults;

    public UserInfoResource(AccessTokens tokens, IdpFaults faults) {
        this.tokens = tokens;
        this.faults = faults;
    }

    @GET
    @Operation(summary = "The signed-in user's claims for the token's scopes")
    public Response get(@Context UriInfo uri, @Context HttpHeaders headers) {
        return claims(NimbusRequests.of(HTTPRequest.Method.GET, uri, headers, null));
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "The same by POST (access_token in the form body allowed)")
    public Response post(String body, @Context UriInfo uri, @Context HttpHeaders headers) {
        return claims(NimbusRequests.of(HTTPRequest.Method.POST, uri, headers, body));
    }

    private Response claims(HTTPRequest http) {
        faults.gate("userinfo", null);
        String token;
        try {
            token = UserInfoRequest.parse(http).getAccessToken().getValue();
        } catch (ParseException e) {
            return Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"lockstep\"")
                    .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        }
        AccessTokens.Active active = tokens.active(token)
                .filter(a -> a.sessionId() != null && a.scopes().contains("openid"))
                .orElseThrow(() -> OAuthException.invalidToken("The access token is not active"));
        Account account = Account.findById(active.subject());
        if (account == null) {
            throw OAuthException.invalidToken("The access token's account is gone");
        }
        Map<String, Object> claims = UserClaims.of(account, active.scopes());
        return Response.ok(claims).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
