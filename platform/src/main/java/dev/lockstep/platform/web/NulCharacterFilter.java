package dev.lockstep.platform.web;

import dev.lockstep.platform.problem.ProblemException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A path or query value with a NUL character ({@code %00}) is refused with a 400 problem before any
 * resource sees it: no identifier or parameter means one, and PostgreSQL cannot compare with it.
 */
public class NulCharacterFilter {

    @ServerRequestFilter(preMatching = true)
    public void refuseNul(ContainerRequestContext request) {
        UriInfo uri = request.getUriInfo();
        boolean nul = uri.getPath().indexOf('\u0000') >= 0;
        for (Map.Entry<String, List<String>> parameter : uri.getQueryParameters().entrySet()) {
            nul |= parameter.getKey().indexOf('\u0000') >= 0
                    || parameter.getValue().stream().anyMatch(value -> value.indexOf('\u0000') >= 0);
        }
        if (nul) {
            throw ProblemException.badRequest("invalid-characters", "The request has a NUL character",
                    "Neither a path nor a query parameter may contain %00.");
        }
    }
}
