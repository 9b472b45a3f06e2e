package dev.lockstep.auth.messaging;

import dev.lockstep.auth.domain.PhoneRisk;
import dev.lockstep.contracts.CloudEvent;
import dev.lockstep.contracts.PhoneStateChanged;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.inbox.EventHandlers;
import dev.lockstep.platform.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Remembers what the simulated network says about SIMs: a swapped or cancelled SIM on an account's
 * phone is a risk signal for the next login (story S0). Each event once, in one transaction.
 */
@ApplicationScoped
public class PhoneEventsConsumer {

    private final Inbox inbox;

    private final SandboxClock clock;

    private final EventHandlers handlers;

    public PhoneEventsConsumer(Inbox inbox, SandboxClock clock) {
        this.inbox = inbox;
        this.clock = clock;
        this.handlers = EventHandlers.create().on(PhoneStateChanged.class, this::remember);
    }

    @Incoming("phone-events")
    @Blocking
    public CompletionStage<Void> onPhoneEvent(Message<String> record) {
        return inbox.deliver(record, handlers);
    }

    private void remember(PhoneStateChanged state, CloudEvent event) {
        PhoneRisk phone = PhoneRisk.findById(state.phone());
        if (phone == null) {
            if ("active".equals(state.sim())) {
                return; // nothing to remember about a healthy SIM never seen otherwise
            }
            phone = new PhoneRisk();
            phone.phone = state.phone();
            phone.sim = state.sim();
            phone.changedAt = clock.timeOf(event);
            phone.persist();
        } else if (!phone.sim.equals(state.sim())) {
            phone.sim = state.sim();
            phone.changedAt = clock.timeOf(event);
        }
    }
}
