package dev.lockstep.platform.inbox;

import dev.lockstep.contracts.CloudEvent;
import dev.lockstep.contracts.Events;
import dev.lockstep.platform.clock.SandboxClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The consuming side of exactly-once effects: remembers handled event ids in the consumer's own
 * transaction, so a redelivered event changes nothing.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    @Inject
    SandboxClock clock;

    /**
     * Parses {@code json}, and unless it was handled before, runs {@code handler} on it. A record that
     * is not a Lockstep event is logged and skipped (it would never parse on a retry either).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void receive(String json, Consumer<CloudEvent> handler) {
        CloudEvent event;
        try {
            event = Events.fromJson(json);
        } catch (Events.MalformedEventException e) {
            LOG.warnf("skipped a malformed record: %s", e.getMessage());
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
        handler.accept(event);
    }
}
