package dev.lockstep.sim.service;

import dev.lockstep.contracts.ClockChanged;
import dev.lockstep.contracts.Topic;
import dev.lockstep.platform.clock.ClockControl;
import dev.lockstep.platform.clock.ClockRequest;
import dev.lockstep.platform.clock.ClockSettings;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.outbox.Outbox;
import dev.lockstep.platform.problem.ProblemException;
import dev.lockstep.platform.tx.AfterCommit;
import dev.lockstep.sim.domain.ClockState;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * The owner of the sandbox clock: keeps its setting in the database and publishes every change on
 * the compacted clock topic, which every service (this one included) follows.
 */
@ApplicationScoped
public class SimClockControl implements ClockControl {

    private static final Duration LIMIT = Duration.ofDays(36_500);

    private final SandboxClock clock;

    private final Outbox outbox;

    private final TransactionSynchronizationRegistry transactions;

    public SimClockControl(SandboxClock clock, Outbox outbox, TransactionSynchronizationRegistry transactions) {
        this.clock = clock;
        this.outbox = outbox;
        this.transactions = transactions;
    }

    void restore(@Observes StartupEvent startup) {
        ClockState state = QuarkusTransaction.requiringNew().call(() -> ClockState.findById(ClockState.SINGLETON));
        if (state != null) {
            clock.apply(new ClockChanged(state.revision, state.offsetMillis, state.frozenAt, null));
        }
    }

    @Override
    @Transactional
    public ClockChanged change(ClockRequest request) {
        ClockState state = ClockState.findById(ClockState.SINGLETON, LockModeType.PESSIMISTIC_WRITE);
        if (state == null) {
            state = new ClockState();
            state.id = ClockState.SINGLETON;
            state.persist();
        }
        ClockChanged current = clock.setting().revision() >= state.revision
                ? clock.setting()
                : new ClockChanged(state.revision, state.offsetMillis, state.frozenAt, null);
        ClockChanged next;
        if (request.advance() != null) {
            next = ClockSettings.advance(current, parse(request.advance()), clock.realInstant());
        } else if (request.set() != null) {
            next = ClockSettings.set(current, request.set(), clock.realInstant());
        } else {
            next = ClockSettings.freeze(current, request.freeze(), clock.realInstant());
        }
        state.revision = next.revision();
        state.offsetMillis = next.offsetMillis();
        state.frozenAt = next.frozenAt();
        outbox.publish(Topic.SANDBOX_CLOCK, "sandbox", null, next);
        // The owner follows its own change as soon as it is committed (the topic brings it back too).
        AfterCommit.run(transactions, () -> clock.apply(next));
        return next;
    }

    private static Duration parse(String advance) {
        try {
            Duration amount = Duration.parse(advance);
            if (amount.abs().compareTo(LIMIT) > 0) {
                throw ProblemException.badRequest("invalid-clock-change", "Advance by at most 100 years", null);
            }
            return amount;
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-clock-change", "advance is not an ISO-8601 duration",
                    "Use forms like P3D, PT2H, PT90M or PT-1H.");
        }
    }
}
