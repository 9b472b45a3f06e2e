package dev.lockstep.platform.inbox;

import dev.lockstep.contracts.CloudEvent;
import dev.lockstep.contracts.Events;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * What a consumer does with each type of event it cares about. The {@link Inbox} hands it only those:
 * any other event on the topic is none of the consumer's business, so it is acknowledged without a
 * transaction or a processed-event row (it would change nothing, however often it came).
 */
public final class EventHandlers {

    private final Map<String, Handler<?>> byType = new HashMap<>();

    private EventHandlers() {
    }

    /** No handlers yet; add them with {@link #on}. */
    public static EventHandlers create() {
        return new EventHandlers();
    }

    /** Handles every event whose body is a {@code type}. */
    public <T> EventHandlers on(Class<T> type, BiConsumer<T, CloudEvent> handler) {
        return on(type, null, handler);
    }

    /**
     * Handles the events whose body is a {@code type} and passes {@code when} (null: every one); the
     * others are not wanted.
     */
    public <T> EventHandlers on(Class<T> type, Predicate<T> when, BiConsumer<T, CloudEvent> handler) {
        byType.put(Events.typeOf(type), new Handler<>(type, when, handler));
        return this;
    }

    /**
     * Whether {@code event} is one to handle. A body that does not parse counts as wanted, so that
     * handling it fails the way a bad event should (dead-lettered), not silently.
     */
    boolean wants(CloudEvent event) {
        Handler<?> handler = byType.get(event.type());
        if (handler == null) {
            return false;
        }
        try {
            return handler.wants(event);
        } catch (Events.MalformedEventException e) {
            return true;
        }
    }

    /** Runs the handler for {@code event}'s type; an event it does not want is left alone. */
    void handle(CloudEvent event) {
        Handler<?> handler = byType.get(event.type());
        if (handler != null) {
            handler.handle(event);
        }
    }

    /** {@code when} null: no condition, so deciding needs no parse of the body. */
    private record Handler<T>(Class<T> type, Predicate<T> when, BiConsumer<T, CloudEvent> action) {

        boolean wants(CloudEvent event) {
            return when == null || when.test(Events.body(event, type));
        }

        void handle(CloudEvent event) {
            T body = Events.body(event, type);
            if (when == null || when.test(body)) {
                action.accept(body, event);
            }
        }
    }
}
