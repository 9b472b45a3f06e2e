package dev.lockstep.platform.inbox;

import dev.lockstep.contracts.CloudEvent;
import dev.lockstep.contracts.Events;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.db.DatabaseUnavailable;
import dev.lockstep.platform.reset.SandboxEpoch;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.temporal.ChronoUnit;
import org.jboss.logging.Logger;

/**
 * The consuming side of exactly-once effects: remembers handled event ids in the consumer's own
 * transaction, so a redelivered event changes nothing; and ignores events written before the last
 * sandbox-wide reset ({@link SandboxEpoch}), so a reset is not undone by what was still on a topic.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    @Inject
    SandboxClock clock;

    @Inject
    SandboxEpoch epochs;

    /** While the database cannot be reached, an event waits (up to two minutes) rather than being dead-lettered. */
    private final Guard untilTheDatabaseIsBack = Guard.create()
            .withRetry().maxRetries(-1).maxDuration(2, ChronoUnit.MINUTES).delay(500, ChronoUnit.MILLIS)
            .jitter(100, ChronoUnit.MILLIS).whenException(DatabaseUnavailable::causedBy)
            .beforeRetry(failure -> LOG.warnf("the database is unavailable (%s); the event waits", failure.getMessage()))
            .done().build();

    /**
     * Hands {@code json} to {@code handlers} once: parsed, and if it is an event they want, in a
     * transaction of its own ({@link #receive}), tried again while the database cannot be reached (a
     * stopped or restarting database delays events; it does not lose them). A record that is not a
     * Lockstep event is logged and skipped (it would never parse on a retry either); an event of a
     * type the consumer does not handle is skipped with no transaction at all. What else fails is the
     * consumer's to handle (it is dead-lettered).
     */
    public void deliver(String json, EventHandlers handlers) {
        CloudEvent event;
        try {
            event = Events.fromJson(json);
        } catch (Events.MalformedEventException e) {
            LOG.warnf("skipped a malformed record: %s", e.getMessage());
            return;
        }
        if (!handlers.wants(event)) {
            return;
        }
        untilTheDatabaseIsBack.get(() -> {
            QuarkusTransaction.requiringNew().run(() -> receive(event, handlers));
            return Boolean.TRUE;
        }, Boolean.class);
    }

    /**
     * Unless {@code event} was handled before or written before the last reset, remembers it and
     * runs its handler, in the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void receive(CloudEvent event, EventHandlers handlers) {
        if (epochs.fencedOff(event)) {
            LOG.debugf("ignored event %s (%s) from before the sandbox reset", event.id(), event.type());
            return;
        }
        if (ProcessedEvent.findById(event.id()) != null) {
            LOG.debugf("ignored repeated event %s (%s)", event.id(), event.type());
            return;
        }
        ProcessedEvent seen = new ProcessedEvent();
        seen.eventId = event.id();
        seen.eventType = event.type();
        seen.processedAt = clock.instant();
        seen.persist();
        handlers.handle(event);
    }
}
