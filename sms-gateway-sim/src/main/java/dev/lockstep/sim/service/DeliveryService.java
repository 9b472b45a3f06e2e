package dev.lockstep.sim.service;

import dev.lockstep.contracts.MessageStatusChanged;
import dev.lockstep.contracts.OutboundMessage;
import dev.lockstep.contracts.Topic;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.outbox.Outbox;
import dev.lockstep.platform.phone.PhoneNumbers;
import dev.lockstep.sim.domain.Message;
import dev.lockstep.sim.domain.Phone;
import dev.lockstep.sim.rest.MessageView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Takes outbound messages into the simulated network and puts them in the phone's inbox, with a
 * delivery receipt at each step ({@code queued}, {@code sent}, {@code delivered}). Phone state and
 * fault rules that can stop a message come with the phone-network work.
 */
@ApplicationScoped
public class DeliveryService {

    private static final Logger LOG = Logger.getLogger(DeliveryService.class);

    @Inject
    Outbox outbox;

    @Inject
    SandboxClock clock;

    @Inject
    InboxWatch watch;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Transactional(Transactional.TxType.MANDATORY)
    public void accept(OutboundMessage outbound, String correlationId) {
        String to;
        try {
            to = PhoneNumbers.toE164(outbound.to());
        } catch (RuntimeException e) {
            LOG.warnf("message %s is addressed to an invalid number; dropped as failed (21211)", outbound.messageId());
            return;
        }
        if (Message.count("id", outbound.messageId()) > 0) {
            return;
        }
        Instant now = clock.instant();
        if (Phone.findById(to) == null) {
            Phone phone = new Phone();
            phone.e164 = to;
            phone.region = PhoneNumbers.region(to);
            phone.createdAt = now;
            phone.persist();
        }
        Message message = new Message();
        message.id = outbound.messageId();
        message.phone = to;
        message.channel = outbound.channel();
        message.sender = outbound.sender();
        message.text = outbound.text();
        message.code = Message.extractCode(outbound.text());
        message.kind = outbound.kind();
        message.accountId = outbound.accountId();
        message.correlationId = correlationId;
        message.acceptedAt = now;
        for (String status : new String[] {"queued", "sent", "delivered"}) {
            message.status = status;
            outbox.publish(Topic.MESSAGES_STATUS, to, correlationId,
                    new MessageStatusChanged(message.id, to, status, null, now));
        }
        message.deliveredAt = now;
        message.persist();

        MessageView view = MessageView.of(message);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // the inbox shows the message only once it is committed
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    watch.delivered(view);
                }
            }
        });
    }
}
