package dev.lockstep.platform.web;

import dev.lockstep.platform.config.LockstepConfig;
import dev.lockstep.platform.problem.ProblemException;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses bodies larger than {@code lockstep.http.max-body-bytes} with a 413 problem before any
 * resource reads them. (Chunked bodies beyond {@code quarkus.http.limits.max-body-size} are cut
 * by the HTTP server itself.)
 */
public class BodyLimitFilter {

    // Looked up per request: JAX-RS providers are built before runtime configuration exists.
    private final Instance<LockstepConfig> config;

    public BodyLimitFilter(Instance<LockstepConfig> config) {
        this.config = config;
    }

    @ServerRequestFilter(preMatching = true)
    public void limitBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return;
        }
        long bytes;
        try {
            bytes = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("bad-content-length", "Content-Length is not a number", null);
        }
        long max = config.get().http().maxBodyBytes();
        if (bytes > max) {
            throw new ProblemException(413, "body-too-large", "The request body is too large",
                    "At most " + max + " bytes are accepted.").with("maxBytes", max);
        }
    }
}
