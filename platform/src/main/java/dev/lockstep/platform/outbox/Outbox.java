package dev.lockstep.platform.outbox;

import dev.lockstep.contracts.CloudEvent;
import dev.lockstep.contracts.Events;
import dev.lockstep.contracts.Topic;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.config.LockstepConfig;
import dev.lockstep.platform.reset.SandboxEpoch;
import dev.lockstep.platform.telemetry.TraceParent;
import dev.lockstep.platform.tx.AfterCommit;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Records events in the caller's transaction (the transactional outbox): the event exists if and
 * only if the state change committed. The relay publishes it right after the commit. Each event
 * carries the service's {@link SandboxEpoch}. With tracing on, the row keeps the context of a span
 * marking when it was written, and the relay continues the trace from there; once the transaction
 * committed, a {@link PublishedEvent} tells the service's metrics.
 */
@ApplicationScoped
public class Outbox {

    private final LockstepConfig config;

    private final SandboxClock clock;

    private final TransactionSynchronizationRegistry transactions;

    private final OutboxRelay relay;

    private final SandboxEpoch epochs;

    private final Tracer tracer;

    private final Event<PublishedEvent> published;

    public Outbox(LockstepConfig config, SandboxClock clock, TransactionSynchronizationRegistry transactions, OutboxRelay relay,
            SandboxEpoch epochs, Tracer tracer, Event<PublishedEvent> published) {
        this.config = config;
        this.clock = clock;
        this.transactions = transactions;
        this.relay = relay;
        this.epochs = epochs;
        this.tracer = tracer;
        this.published = published;
    }

    /**
     * Adds an event to the current transaction.
     *
     * @param topic where it goes
     * @param key the record key (account id or phone number), also the CloudEvents subject; null for an
     *        event about no one (a login with an unknown name): no subject, and the event's own id as the
     *        record key, which spreads such events over the partitions
     * @param correlationId follows one login or recovery end to end; may be null
     * @param body one of the contract records
     * @return the envelope that will be published
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent publish(Topic topic, String key, String correlationId, Object body) {
        Instant now = clock.instant();
        CloudEvent event = Events.envelope("/lockstep/" + config.serviceName(), key, now, correlationId,
                epochs.current(), body);
        OutboxEvent row = new OutboxEvent();
        row.eventId = event.id();
        row.topic = topic.topicName();
        row.recordKey = key != null ? key : event.id();
        row.payload = Events.toJson(event);
        row.createdAt = now;
        row.traceParent = recorded(topic, event);
        row.persist();
        PublishedEvent announcement = new PublishedEvent(topic, event, body);
        AfterCommit.run(transactions, () -> {
            relay.wakeUp();
            published.fire(announcement);
        });
        return event;
    }

    /** With tracing on, a span that marks the moment the event was written (in the current trace); else null. */
    private String recorded(Topic topic, CloudEvent event) {
        if (!Span.current().getSpanContext().isValid()) {
            return null;
        }
        Span span = tracer.spanBuilder("outbox " + event.type())
                .setAttribute("messaging.destination.name", topic.topicName())
                .setAttribute("lockstep.event.id", event.id())
                .startSpan();
        span.end();
        return TraceParent.of(span);
    }
}
