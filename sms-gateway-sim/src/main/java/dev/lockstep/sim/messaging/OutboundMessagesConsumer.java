package dev.lockstep.sim.messaging;

import dev.lockstep.contracts.CloudEvent;
import dev.lockstep.contracts.OutboundMessage;
import dev.lockstep.platform.inbox.EventHandlers;
import dev.lockstep.platform.inbox.Inbox;
import dev.lockstep.platform.problem.ProblemException;
import dev.lockstep.sim.service.Addresses;
import dev.lockstep.sim.service.DeliveryService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/** Takes the IdP's outbound messages into the simulated network, each exactly once. */
@ApplicationScoped
public class OutboundMessagesConsumer {

    private static final Logger LOG = Logger.getLogger(OutboundMessagesConsumer.class);

    private final Inbox inbox;

    private final DeliveryService delivery;

    private final EventHandlers handlers;

    public OutboundMessagesConsumer(Inbox inbox, DeliveryService delivery) {
        this.inbox = inbox;
        this.delivery = delivery;
        this.handlers = EventHandlers.create().on(OutboundMessage.class, this::take);
    }

    @Incoming("outbound-messages")
    @Blocking
    public CompletionStage<Void> onOutbound(Message<String> record) {
        return inbox.deliver(record, handlers);
    }

    private void take(OutboundMessage message, CloudEvent event) {
        String address;
        try {
            address = Addresses.normalise(message.channel(), message.to());
        } catch (ProblemException e) {
            LOG.warnf("message %s has no valid channel and address (%s); dropped", message.messageId(), e.getMessage());
            return;
        }
        delivery.accept(message, address, event.correlationid());
    }
}
