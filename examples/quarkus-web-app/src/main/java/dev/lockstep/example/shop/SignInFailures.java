package dev.lockstep.example.shop;

import io.quarkus.oidc.AuthenticationContext;
import io.quarkus.qute.Template;
import io.quarkus.security.AuthenticationCompletionException;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * What the user sees when a sign-in cannot be used. A session too weak for a page that demands an
 * authentication context ({@code @AuthenticationContext}: the ID token lacks that acr) signs in again,
 * which asks the provider for it (step-up, {@link StepUpRedirect}). A sign-in that cannot be completed (the provider's token
 * endpoint fails or refuses the code) shows a page that says so and offers to try again.
 */
public class SignInFailures {

    private static final Logger LOG = Logger.getLogger(SignInFailures.class);

    @Inject
    Template signInFailed;

    @ServerExceptionMapper
    public Response completionFailed(AuthenticationCompletionException e, UriInfo uri, ResourceInfo resource) {
        boolean returningFromTheProvider = uri.getQueryParameters().containsKey("code");
        if (resource.getResourceMethod().isAnnotationPresent(AuthenticationContext.class) && !returningFromTheProvider) {
            return Response.seeOther(uri.getRequestUri()).build();
        }
        LOG.warnf("sign-in could not be completed: %s", e.getMessage());
        return Response.status(Response.Status.BAD_GATEWAY).type(MediaType.TEXT_HTML_TYPE)
                .entity(signInFailed.instance()).build();
    }
}
