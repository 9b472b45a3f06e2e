package dev.lockstep.platform.security;

import dev.lockstep.platform.config.LockstepConfig;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/** Guards {@link AdminApi} endpoints with the admin bearer token. */
@Provider
@AdminApi
@Priority(Priorities.AUTHENTICATION)
public class AdminTokenFilter implements ContainerRequestFilter {

    @Inject
    LockstepConfig config;

    @Override
    public void filter(ContainerRequestContext request) {
        BearerTokens.demand(request.getHeaderString(HttpHeaders.AUTHORIZATION), config.admin().token(),
                "lockstep-admin");
    }
}
