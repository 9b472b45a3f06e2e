package dev.lockstep.auth.service;

import dev.lockstep.auth.config.AuthConfig;
import dev.lockstep.platform.clock.PeriodicTask;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Watches the sandbox clock for temporary locks that ended (S4: "unlocked the next day") and
 * announces each one ({@code account.unlocked}, cause {@code expired}) within
 * {@code lockstep.auth.lockout.expiry-check-interval} (half a second) of the clock passing its end,
 * also when the clock jumped there.
 */
@ApplicationScoped
public class LockExpiry {

    private final AccountLocks accountLocks;

    private final AuthConfig config;

    public LockExpiry(AccountLocks accountLocks, AuthConfig config) {
        this.accountLocks = accountLocks;
        this.config = config;
    }

    private PeriodicTask timer;

    void start(@Observes StartupEvent event) {
        timer = PeriodicTask.start("lock-expiry", config.lockout().expiryCheckInterval().toMillis(),
                accountLocks::announceExpiredLocks);
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.close();
        }
    }
}
