package dev.lockstep.auth.messaging;

import static dev.lockstep.platform.telemetry.Tags.orNone;

import dev.lockstep.contracts.AccountLocked;
import dev.lockstep.contracts.AccountUnlocked;
import dev.lockstep.contracts.LoginFailed;
import dev.lockstep.contracts.LoginSucceeded;
import dev.lockstep.platform.outbox.PublishedEvent;
import dev.lockstep.platform.tx.AfterCommit;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * auth-service's domain counters at {@code /q/metrics}, counted once the fact committed:
 * {@code lockstep.login.attempts} (every password attempt by its recorded outcome, unknown users
 * included), {@code lockstep.logins} (sign-ins that succeeded, and failures by reason),
 * {@code lockstep.locks} and {@code lockstep.unlocks} (by reason).
 */
@ApplicationScoped
public class AuthMetrics {

    private final MeterRegistry registry;

    private final TransactionSynchronizationRegistry transactions;

    public AuthMetrics(MeterRegistry registry, TransactionSynchronizationRegistry transactions) {
        this.registry = registry;
        this.transactions = transactions;
    }

    /** A password attempt was recorded with {@code outcome}; counted if its transaction commits. */
    public void attempt(String outcome) {
        AfterCommit.run(transactions,
                () -> registry.counter("lockstep.login.attempts", "outcome", orNone(outcome)).increment());
    }

    void on(@Observes PublishedEvent published) {
        Object body = published.body();
        if (body instanceof LoginSucceeded) {
            registry.counter("lockstep.logins", "outcome", "succeeded", "reason", "none").increment();
        } else if (body instanceof LoginFailed failed) {
            registry.counter("lockstep.logins", "outcome", "failed", "reason", orNone(failed.reason())).increment();
        } else if (body instanceof AccountLocked locked) {
            registry.counter("lockstep.locks", "reason", orNone(locked.reason())).increment();
        } else if (body instanceof AccountUnlocked unlocked) {
            registry.counter("lockstep.unlocks", "reason", orNone(unlocked.cause())).increment();
        }
    }
}
