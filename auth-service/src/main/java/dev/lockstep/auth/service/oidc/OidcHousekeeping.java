package dev.lockstep.auth.service.oidc;

import dev.lockstep.auth.config.AuthConfig;
import dev.lockstep.auth.domain.OidcAuthorization;
import dev.lockstep.platform.clock.PeriodicTasks;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;

/**
 * Removes sign-ins that never finished: a hosted login abandoned past its lifetime, a code never
 * exchanged. Exchanged authorizations stay: they are the grants that refresh tokens belong to.
 * Expiry is judged on the sandbox clock, like every other lifetime.
 */
@ApplicationScoped
public class OidcHousekeeping {

    private final AuthConfig config;

    private final TokenTimes times;

    private final PeriodicTasks tasks;

    public OidcHousekeeping(AuthConfig config, TokenTimes times, PeriodicTasks tasks) {
        this.tasks = tasks;
        this.config = config;
        this.times = times;
    }

    void start(@Observes StartupEvent event) {
        tasks.every("oidc-housekeeping", config.oidc().housekeepingInterval(), this::removeAbandoned);
    }

    /** Deletes unfinished authorizations whose login lifetime (and any code's) ended. */
    void removeAbandoned() {
        Instant before = times.sandboxNow().minus(config.oidc().codeTtl());
        QuarkusTransaction.requiringNew().run(() -> OidcAuthorization.delete("status <> ?1 and expiresAt < ?2",
                OidcAuthorization.Status.EXCHANGED, before));
    }
}
