package dev.lockstep.platform.inbox;

import dev.lockstep.contracts.CloudEvent;
import dev.lockstep.contracts.Events;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.db.DatabaseUnavailable;
import dev.lockstep.platform.reset.SandboxEpoch;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.reactive.messaging.TracingMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * The consuming side of exactly-once effects: remembers handled event ids in the consumer's own
 * transaction, so a redelivered event changes nothing; and ignores events written before the last
 * sandbox-wide reset ({@link SandboxEpoch}), so a reset is not undone by what was still on a topic.
 * Each handled event is timed ({@code lockstep.events.handled}, by type and outcome) and, when the
 * record came with a trace, handled in a span of that trace.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final SandboxClock clock;

    private final SandboxEpoch epochs;

    private final MeterRegistry registry;

    private final Tracer tracer;

    public Inbox(SandboxClock clock, SandboxEpoch epochs, MeterRegistry registry, Tracer tracer) {
        this.clock = clock;
        this.epochs = epochs;
        this.registry = registry;
        this.tracer = tracer;
    }

    /** While the database cannot be reached, an event waits (up to two minutes) rather than being dead-lettered. */
    private final Guard untilTheDatabaseIsBack = Guard.create()
            .withRetry().maxRetries(-1).maxDuration(2, ChronoUnit.MINUTES).delay(500, ChronoUnit.MILLIS)
            .jitter(100, ChronoUnit.MILLIS).whenException(DatabaseUnavailable::causedBy)
            .beforeRetry(failure -> LOG.warnf("the database is unavailable (%s); the event waits", failure.getMessage()))
            .done().build();

    /**
     * Hands {@code record}'s event to {@code handlers} once: parsed, and if it is an event they want,
     * in a transaction of its own ({@link #receive}), tried again while the database cannot be reached
     * (a stopped or restarting database delays events; it does not lose them), in a span of the
     * record's trace if it came with one. A record that is not a Lockstep event is logged and skipped
     * (it would never parse on a retry either); an event of a type the consumer does not handle is
     * skipped with no transaction at all. Either way the record is acknowledged; what else fails
     * refuses it (the channel dead-letters it).
     */
    public CompletionStage<Void> deliver(Message<String> record, EventHandlers handlers) {
        Context received = TracingMetadata.fromMessage(record).map(TracingMetadata::getCurrentContext).orElse(null);
        try {
            deliver(record.getPayload(), handlers, received);
        } catch (RuntimeException e) {
            return record.nack(e);
        }
        return record.ack();
    }

    private void deliver(String json, EventHandlers handlers, Context received) {
        CloudEvent event;
        try {
            event = Events.fromJson(json);
        } catch (Events.MalformedEventException e) {
            LOG.warnf("skipped a malformed record: %s", e.getMessage());
            return;
        }
        // a handler's condition may read the database: while it cannot be reached, the event waits here too
        if (!untilTheDatabaseIsBack.get(() -> handlers.wants(event), Boolean.class)) {
            return;
        }
        Timer.Sample timing = Timer.start(registry);
        Span span = received == null || !Span.fromContext(received).getSpanContext().isValid() ? null
                : tracer.spanBuilder("handle " + event.type()).setParent(received)
                        .setAttribute("lockstep.event.id", event.id()).startSpan();
        String outcome = "failed";
        try (Scope scope = span != null ? span.makeCurrent() : Scope.noop()) {
            untilTheDatabaseIsBack.get(() -> {
                QuarkusTransaction.requiringNew().run(() -> receive(event, handlers));
                return Boolean.TRUE;
            }, Boolean.class);
            outcome = "handled";
        } catch (RuntimeException e) {
            if (span != null) {
                span.setStatus(StatusCode.ERROR, e.getMessage());
            }
            throw e;
        } finally {
            if (span != null) {
                span.end();
            }
            timing.stop(Timer.builder("lockstep.events.handled")
                    .description("Handling one event: its transaction, with waits for the database")
                    .tag("type", event.type()).tag("outcome", outcome).register(registry));
        }
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
