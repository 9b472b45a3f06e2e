package dev.lockstep.auth.service;

import dev.lockstep.auth.config.AuthConfig;
import dev.lockstep.auth.domain.LoginFailure;
import dev.lockstep.platform.clock.ClockTimer;
import dev.lockstep.platform.clock.PeriodicTasks;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;

/**
 * Announces each temporary lock that ended on the sandbox clock (S4: "unlocked the next day"):
 * {@code account.unlocked}, cause {@code expired}, as the clock passes its end, also when the clock
 * jumped there. A {@link ClockTimer} sleeps until the earliest end; a new lock wakes it (a
 * {@link PeriodicTasks.Due} event for {@link #TIMER}). Rounds are at least
 * {@code lockstep.auth.lockout.expiry-check-interval} apart.
 */
@ApplicationScoped
public class LockExpiry {

    /** The timer's name, for {@link PeriodicTasks.Due} events. */
    public static final String TIMER = "lock-expiry";

    private final AccountLocks accountLocks;

    private final AuthConfig config;

    private final PeriodicTasks tasks;

    public LockExpiry(AccountLocks accountLocks, AuthConfig config, PeriodicTasks tasks) {
        this.tasks = tasks;
        this.accountLocks = accountLocks;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        tasks.onTheClock(TIMER, config.lockout().expiryCheckInterval(), LockExpiry::earliestEnd,
                accountLocks::announceExpiredLocks);
    }

    private static Instant earliestEnd() {
        return QuarkusTransaction.requiringNew().call(() -> LoginFailure.getEntityManager()
                .createQuery("select min(f.lockedUntil) from LoginFailure f where f.unlockAnnounced = false", Instant.class)
                .getSingleResult());
    }
}
