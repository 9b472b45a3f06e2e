package dev.lockstep.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.lockstep.contracts.CloudEvent;
import dev.lockstep.contracts.Events;
import dev.lockstep.contracts.LoginSucceeded;
import dev.lockstep.contracts.SessionChanged;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which events a consumer is handed, and that only its own handler runs on each. */
class EventHandlersTest {

    private final List<String> handled = new ArrayList<>();
    private final EventHandlers handlers = EventHandlers.create()
            .on(SessionChanged.class, changed -> "revoked".equals(changed.change()),
                    (changed, event) -> handled.add("ended " + changed.sessionId() + " " + event.correlationid()));

    @Test
    void anEventOfAnotherTypeIsNotWantedAndNothingRuns() {
        CloudEvent login = event(new LoginSucceeded("a1", null, "t1", List.of("pwd"), null, "s1"));
        assertFalse(handlers.wants(login));
        handlers.handle(login);
        assertEquals(List.of(), handled);
    }

    @Test
    void aBodyThatFailsTheConditionIsNotWanted() {
        CloudEvent started = event(new SessionChanged("a1", "s1", "started", null));
        assertFalse(handlers.wants(started));
        handlers.handle(started);
        assertEquals(List.of(), handled);
    }

    @Test
    void aWantedEventRunsItsHandlerWithBodyAndEnvelope() {
        CloudEvent revoked = event(new SessionChanged("a1", "s2", "revoked", "logout"));
        assertTrue(handlers.wants(revoked));
        handlers.handle(revoked);
        assertEquals(List.of("ended s2 corr-1"), handled);
    }

    @Test
    void aWantedTypeWithABodyThatDoesNotParseIsHandedOnSoItFailsLoudly() {
        CloudEvent good = event(new SessionChanged("a1", "s3", "revoked", null));
        CloudEvent broken = new CloudEvent(good.specversion(), good.id(), good.source(), good.type(), good.subject(),
                good.time(), good.datacontenttype(), good.correlationid(), good.sandboxepoch(),
                JsonNodeFactory.instance.textNode("not an object"));
        assertTrue(handlers.wants(broken));
        assertThrows(Events.MalformedEventException.class, () -> handlers.handle(broken));
    }

    private static CloudEvent event(Object body) {
        return Events.envelope("test", "a1", Instant.parse("2026-12-02T09:00:00Z"), "corr-1", body);
    }
}
