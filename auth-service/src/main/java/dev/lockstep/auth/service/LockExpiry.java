package dev.lockstep.auth.service;

import dev.lockstep.auth.config.AuthConfig;
import dev.lockstep.platform.clock.PeriodicTasks;
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

    private final PeriodicTasks tasks;

    public LockExpiry(AccountLocks accountLocks, AuthConfig config, PeriodicTasks tasks) {
        this.tasks = tasks;
        this.accountLocks = accountLocks;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        tasks.every("lock-expiry", config.lockout().expiryCheckInterval(), accountLocks::announceExpiredLocks);
    }
}
