package dev.lockstep.auth.rest.oidc;

import dev.lockstep.auth.service.oidc.AuthorizationService;
import dev.lockstep.auth.service.oidc.Issuers;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The authorization endpoint, by GET and by form POST (OpenID Connect Core 3.1.2.1). */
@Path("/oauth2/authorize")
@Tag(name = "OpenID Connect")
public class AuthorizeResource {

    private final AuthorizationService authorizations;

    private final LoginPages pages;

    private final Issuers issuers;

    public AuthorizeResource(AuthorizationService authorizations, LoginPages pages, Issuers issuers) {
        this.authorizations = authorizations;
        this.pages = pages;
        this.issuers = issuers;
    }

    @GET
    @Operation(summary = "Start a sign-in (code flow): a redirect back with a code or an error, or the hosted login")
    public Response get(@Context UriInfo uri, @CookieParam(LoginPages.SSO_COOKIE) String sso, @Context HttpHeaders headers) {
        return decide(NimbusRequests.params(uri.getQueryParameters()), sso, headers, issuers.of(uri.getRequestUri()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "The same by form POST")
    public Response post(MultivaluedMap<String, String> form, @CookieParam(LoginPages.SSO_COOKIE) String sso,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        return decide(NimbusRequests.params(form), sso, headers, issuers.of(uri.getRequestUri()));
    }

    private Response decide(Map<String, List<String>> params, String sso, HttpHeaders headers, String issuer) {
        AuthorizationService.Decision decision = authorizations.authorize(params, sso, issuer);
        if (decision instanceof AuthorizationService.ShowError error) {
            return pages.error(400, error.error(), error.description(), headers);
        }
        if (decision instanceof AuthorizationService.Redirect redirect) {
            return Response.status(Response.Status.FOUND).location(redirect.location()).build();
        }
        AuthorizationService.OpenLogin open = (AuthorizationService.OpenLogin) decision;
        return LoginPages.open(open.authorization(), open.browserSecret());
    }
}
