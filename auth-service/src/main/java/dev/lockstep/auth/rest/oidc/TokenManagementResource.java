package dev.lockstep.auth.rest.oidc;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import dev.lockstep.auth.service.oidc.EndSession;
import dev.lockstep.auth.service.oidc.TokenManagement;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Introspection (RFC 7662), revocation (RFC 7009) and RP-initiated logout. */
@Path("/oauth2")
@Tag(name = "OpenID Connect")
public class TokenManagementResource {

    private final TokenManagement tokens;

    private final EndSession endSession;

    private final LoginPages pages;

    public TokenManagementResource(TokenManagement tokens, EndSession endSession, LoginPages pages) {
        this.tokens = tokens;
        this.endSession = endSession;
        this.pages = pages;
    }

    @POST
    @Path("/introspect")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Whether a token is active, for a confidential client")
    public Response introspect(String body, @Context UriInfo uri, @Context HttpHeaders headers) {
        return Response.ok(tokens.introspect(NimbusRequests.of(HTTPRequest.Method.POST, uri, headers, body)))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @POST
    @Path("/revoke")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Revoke an access or refresh token (and so its grant); 200 also for unknown tokens")
    public Response revoke(String body, @Context UriInfo uri, @Context HttpHeaders headers) {
        tokens.revoke(NimbusRequests.of(HTTPRequest.Method.POST, uri, headers, body));
        return Response.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @GET
    @Path("/logout")
    @Operation(summary = "End the session (id_token_hint, post_logout_redirect_uri exactly registered, state)")
    public Response logout(@Context UriInfo uri, @CookieParam(LoginPages.SSO_COOKIE) String sso, @Context HttpHeaders headers) {
        return loggedOut(endSession.logout(NimbusRequests.params(uri.getQueryParameters()), sso), headers);
    }

    @POST
    @Path("/logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "The same by form POST")
    public Response logoutByPost(MultivaluedMap<String, String> form, @CookieParam(LoginPages.SSO_COOKIE) String sso,
            @Context HttpHeaders headers) {
        return loggedOut(endSession.logout(NimbusRequests.params(form), sso), headers);
    }

    private Response loggedOut(EndSession.Outcome outcome, HttpHeaders headers) {
        Response.ResponseBuilder response = outcome.redirect() != null
                ? Response.status(Response.Status.FOUND).location(outcome.redirect())
                : Response.fromResponse(pages.signedOut(headers));
        return response.cookie(LoginPages.cookie(LoginPages.SSO_COOKIE, "", "/oauth2", 0)).build();
    }
}
