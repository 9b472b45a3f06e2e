package dev.lockstep.auth.rest.oidc;

import dev.lockstep.platform.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.Annotation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A refusal that happens before an OAuth endpoint's own code runs (a body too large, a content type
 * it does not take, a malformed one) is a problem like anywhere else in the sandbox; on the endpoints
 * OAuth clients call with their libraries it is turned into the OAuth error format they parse
 * ({@code error}, {@code error_description}), with the same status.
 */
public class OAuthErrorFormat {

    private static final Set<String> OAUTH_JSON_ENDPOINTS = Set.of("/oauth2/token", "/oauth2/introspect",
            "/oauth2/revoke", "/oauth2/userinfo");

    @ServerResponseFilter
    public void toOAuthFormat(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof Problem problem)
                || !OAUTH_JSON_ENDPOINTS.contains(request.getUriInfo().getPath())) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error(problem.status(), request.getUriInfo().getPath()));
        body.put("error_description", problem.title());
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setEntity(body, new Annotation[0], MediaType.APPLICATION_JSON_TYPE);
    }

    private static String error(int status, String path) {
        return switch (status) {
            case 401 -> "/oauth2/userinfo".equals(path) ? "invalid_token" : "invalid_client";
            case 503 -> "temporarily_unavailable";
            default -> status >= 500 ? "server_error" : "invalid_request";
        };
    }
}
