package dev.lockstep.sim.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lockstep.contracts.MessageStatusChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Delivery receipts as server-sent events, for live views: each committed status change goes to every
 * open stream, or to those watching its address.
 */
@ApplicationScoped
public class StatusStream {

    /** A receipt with what a live view wants beside it. */
    public record Update(MessageStatusChanged event, String channel, String ruleId) {
    }

    /** The {@code data} of a {@code status} event. */
    public record StatusEvent(String messageId, String to, String channel, String status, Integer errorCode,
            String ruleId, Instant at) {
    }

    private record Subscriber(SseEventSink sink, Sse sse, String address) {
    }

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

    private final ObjectMapper json;

    public StatusStream(ObjectMapper json) {
        this.json = json;
    }

    /** Adds a stream; {@code address}: only receipts for it, or null for every one. */
    public void subscribe(SseEventSink sink, Sse sse, String address) {
        subscribers.add(new Subscriber(sink, sse, address));
        // tells the client the stream is live, so it can start what it wants to watch
        sink.send(sse.newEventBuilder().comment("subscribed").build());
    }

    /** Sends a committed receipt to the streams that want it. */
    public void publish(Update update) {
        MessageStatusChanged e = update.event();
        String data;
        try {
            data = json.writeValueAsString(new StatusEvent(e.messageId(), e.to(), update.channel(), e.status(),
                    e.errorCode(), update.ruleId(), e.at()));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
        for (Subscriber subscriber : subscribers) {
            if (subscriber.sink().isClosed()) {
                subscribers.remove(subscriber);
            } else if (subscriber.address() == null || subscriber.address().equals(e.to())) {
                subscriber.sink().send(subscriber.sse().newEventBuilder().name("status")
                        .id(e.messageId() + "/" + e.status()).data(data).build())
                        .whenComplete((ok, failure) -> {
                            if (failure != null) {
                                subscribers.remove(subscriber);
                            }
                        });
            }
        }
    }
}
