package dev.lockstep.platform.testing;

import dev.lockstep.contracts.CloudEvent;
import dev.lockstep.contracts.Events;
import io.quarkus.arc.Arc;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import jakarta.enterprise.inject.Any;
import java.time.Instant;
import java.util.List;

/**
 * A service's Kafka channels in {@code @QuarkusTest}s, where the in-memory connector stands in for
 * the broker: events put on an incoming channel as another service would publish them, and the
 * events this service's outbox relay sent (channel {@code outbox}).
 */
public final class InMemoryEvents {

    private InMemoryEvents() {
    }

    /** Puts {@code body} on the incoming {@code channel} as {@code /lockstep/<fromService>} publishes it. */
    public static void publish(InMemoryConnector connector, String channel, String fromService, String subject,
            String correlationId, Object body) {
        connector.source(channel).send(Events.toJson(Events.envelope("/lockstep/" + fromService, subject, Instant.now(),
                correlationId, body)));
    }

    /**
     * The events this service's outbox relay sent (channel {@code outbox}) in the running {@code @QuarkusTest}
     * application; {@link ClearedOutbox} empties it before each test, so a test sees only what it caused.
     */
    public static InMemorySink<String> outbox() {
        return connector().sink("outbox");
    }

    /** The outbox channel's sink, emptied now (of what the test's own set-up sent). */
    public static InMemorySink<String> clearedOutbox(InMemoryConnector connector) {
        InMemorySink<String> outbox = connector.sink("outbox");
        outbox.clear();
        return outbox;
    }

    /** The in-memory connector of the running {@code @QuarkusTest} application. */
    public static InMemoryConnector connector() {
        return Arc.container().select(InMemoryConnector.class, Any.Literal.INSTANCE).get();
    }

    /** The events of one type in the sink, decoded, oldest first. */
    public static List<CloudEvent> published(InMemorySink<String> sink, Class<?> type) {
        return sink.received().stream().map(m -> Events.fromJson(m.getPayload())).filter(e -> Events.is(e, type)).toList();
    }

    /** The events of one type this service published, decoded, oldest first. */
    public static List<CloudEvent> published(InMemoryConnector connector, Class<?> type) {
        return published(connector.<String> sink("outbox"), type);
    }
}
