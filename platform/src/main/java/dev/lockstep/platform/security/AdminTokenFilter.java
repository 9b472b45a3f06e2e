package dev.lockstep.platform.security;

import dev.lockstep.platform.config.LockstepConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
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

    // Looked up per request: JAX-RS providers are built before runtime configuration exists.
    private final Instance<LockstepConfig> config;

    public AdminTokenFilter(Instance<LockstepConfig> config) {
        this.config = config;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        BearerTokens.demand(request.getHeaderString(HttpHeaders.AUTHORIZATION), config.get().admin().token(),
                "lockstep-admin");
    }
}
