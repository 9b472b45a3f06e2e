package dev.lockstep.auth.service.oidc;

import dev.lockstep.auth.config.AuthConfig;
import dev.lockstep.auth.domain.OidcAuthorization;
import dev.lockstep.platform.clock.PeriodicTask;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
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

    public OidcHousekeeping(AuthConfig config, TokenTimes times) {
        this.config = config;
        this.times = times;
    }

    private PeriodicTask timer;

    void start(@Observes StartupEvent event) {
        timer = PeriodicTask.start("oidc-housekeeping", config.oidc().housekeepingInterval().toMillis(), this::removeAbandoned);
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.close();
        }
    }

    /** Deletes unfinished authorizations whose login lifetime (and any code's) ended. */
    void removeAbandoned() {
        Instant before = times.sandboxNow().minus(config.oidc().codeTtl());
        QuarkusTransaction.requiringNew().run(() -> OidcAuthorization.delete("status <> ?1 and expiresAt < ?2",
                OidcAuthorization.Status.EXCHANGED, before));
    }
}
