package dev.lockstep.sim.console;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lockstep.contracts.CloudEvent;
import dev.lockstep.contracts.Events;
import dev.lockstep.platform.reset.SandboxEpoch;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Every event on every Lockstep topic, for the console's live timeline: the latest ones kept in
 * memory, new ones broadcast to whoever listens. A message's text (it may hold a code) is left out:
 * codes are read in the virtual phones' inboxes, nowhere else. Events written before the last
 * sandbox-wide reset are not shown.
 */
@ApplicationScoped
public class Timeline {

    /** Events kept for a console that opens late. */
    static final int KEPT = 500;

    /** One event as the timeline shows it. */
    public record Entry(String topic, CloudEvent event) {
    }

    private final SandboxEpoch epochs;

    public Timeline(SandboxEpoch epochs) {
        this.epochs = epochs;
    }

    private final Deque<Entry> recent = new ArrayDeque<>();
    private final BroadcastProcessor<Entry> live = BroadcastProcessor.create();

    @Incoming("timeline")
    public CompletionStage<Void> onEvent(Message<String> message) {
        try {
            CloudEvent event = Events.fromJson(message.getPayload());
            if (event.before(epochs.lastRead())) {
                return message.ack();
            }
            if (event.data() instanceof ObjectNode data && data.has("text")) {
                data.put("text", "(" + data.path("text").asText().length() + " characters; read it in the inbox)");
            }
            String topic = message.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getTopic)
                    .orElse(null);
            Entry entry = new Entry(topic, event);
            synchronized (recent) {
                recent.addLast(entry);
                while (recent.size() > KEPT) {
                    recent.removeFirst();
                }
            }
            live.onNext(entry);
        } catch (Events.MalformedEventException e) {
            // not an event: nothing to show
        }
        return message.ack();
    }

    /** The kept events, oldest first; only those of one correlation id if given. */
    public List<Entry> recent(String correlationId) {
        synchronized (recent) {
            List<Entry> all = new ArrayList<>(recent);
            return correlationId == null ? all
                    : all.stream().filter(e -> correlationId.equals(e.event().correlationid())).toList();
        }
    }

    /** New events as they come. */
    public Multi<Entry> stream() {
        return live;
    }
}
