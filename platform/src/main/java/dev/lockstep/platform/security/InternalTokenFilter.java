package dev.lockstep.platform.security;

import dev.lockstep.platform.config.LockstepConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/** Guards {@link InternalApi} endpoints with the internal (service-to-service) bearer token. */
@Provider
@InternalApi
@Priority(Priorities.AUTHENTICATION)
public class InternalTokenFilter implements ContainerRequestFilter {

    // Looked up per request: JAX-RS providers are built before runtime configuration exists.
    private final Instance<LockstepConfig> config;

    public InternalTokenFilter(Instance<LockstepConfig> config) {
        this.config = config;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        BearerTokens.demand(request.getHeaderString(HttpHeaders.AUTHORIZATION), config.get().internal().token(),
                "lockstep-internal");
    }
}
