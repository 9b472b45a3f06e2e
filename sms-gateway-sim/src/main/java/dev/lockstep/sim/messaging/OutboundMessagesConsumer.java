package dev.lockstep.sim.messaging;

import dev.lockstep.contracts.Events;
import dev.lockstep.contracts.OutboundMessage;
import dev.lockstep.platform.inbox.Inbox;
import dev.lockstep.sim.service.DeliveryService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Takes the IdP's outbound messages into the simulated network, each exactly once. */
@ApplicationScoped
public class OutboundMessagesConsumer {

    @Inject
    Inbox inbox;

    @Inject
    DeliveryService delivery;

    @Incoming("outbound-messages")
    @Blocking
    @Transactional
    public void onOutbound(String json) {
        inbox.receive(json, event -> {
            if (Events.is(event, OutboundMessage.class)) {
                delivery.accept(Events.body(event, OutboundMessage.class), event.correlationid());
            }
        });
    }
}
