package dev.lockstep.example.shop;

import io.quarkus.oidc.AuthenticationContext;
import io.quarkus.oidc.IdToken;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A shop's pages: a public front page, the account page (any sign-in), and payments, which demand a
 * second factor (RFC 9470 step-up: a password-only sign-in is sent back to the provider for it).
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ShopPages {

    /** The authentication context class that means "password and a second factor". */
    static final String MFA = "urn:lockstep:acr:mfa";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home();

        static native TemplateInstance account(SignedIn user);

        static native TemplateInstance payments(SignedIn user);

        static native TemplateInstance signInError(String error, String description);
    }

    /** What the pages show of the signed-in user, from the ID token. */
    public record SignedIn(String username, String amr, String acr, String sessionId) {

        static SignedIn of(JsonWebToken idToken) {
            return new SignedIn(idToken.getClaim("preferred_username"), String.valueOf(idToken.claim("amr").orElse("[]")),
                    idToken.getClaim("acr"), idToken.getClaim("sid"));
        }
    }

    @Inject
    @IdToken
    JsonWebToken idToken;

    @GET
    public TemplateInstance home() {
        return Templates.home();
    }

    @GET
    @Path("account")
    @Authenticated
    public TemplateInstance account() {
        return Templates.account(SignedIn.of(idToken));
    }

    @GET
    @Path("payments")
    @AuthenticationContext(MFA)
    public TemplateInstance payments() {
        return Templates.payments(SignedIn.of(idToken));
    }

    /**
     * RP-initiated logout ({@code quarkus.oidc.logout.path}): authentication is not proactive here, so
     * the path needs an authenticated endpoint for quarkus-oidc to see the request; it answers with the
     * redirect to the provider's end-session endpoint before this method would run.
     */
    @GET
    @Path("logout")
    @Authenticated
    public TemplateInstance logout() {
        return Templates.home();
    }

    @GET
    @Path("sign-in-error")
    public TemplateInstance signInError(@QueryParam("error") String error,
            @QueryParam("error_description") String description) {
        return Templates.signInError(error, description);
    }
}
