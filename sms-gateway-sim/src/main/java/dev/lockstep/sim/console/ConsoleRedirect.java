package dev.lockstep.sim.console;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;

/** {@code /console} is the console's address; its page is {@code /console/index.html}. */
@Provider
@PreMatching
public class ConsoleRedirect implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if ("/console".equals(request.getUriInfo().getPath()) && "GET".equals(request.getMethod())) {
            request.abortWith(Response.seeOther(URI.create("/console/index.html")).build());
        }
    }
}
