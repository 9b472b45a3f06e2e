package dev.lockstep.sim.service;

import dev.lockstep.contracts.MessageStatusChanged;
import dev.lockstep.contracts.OutboundMessage;
import dev.lockstep.contracts.Topic;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.outbox.Outbox;
import dev.lockstep.platform.phone.PhoneNumbers;
import dev.lockstep.sim.domain.Message;
import dev.lockstep.sim.domain.DeliveryOutcome;
import dev.lockstep.sim.domain.DeliveryPolicy;
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
 * Takes outbound messages into the simulated network: the phone's state decides whether they reach
 * the handset ({@link DeliveryPolicy}); each step is a delivery receipt ({@code queued}, {@code sent},
 * then {@code delivered}, {@code undelivered} or {@code failed} with a carrier error code). Only
 * delivered messages appear in the inbox; the delivery log shows them all.
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
    PhoneService phones;

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
        Phone phone = phones.getOrCreate(to);
        long stored = Message.count("phone = ?1 and status = 'delivered'", to);
        DeliveryOutcome outcome = DeliveryPolicy.decide(phone, outbound.sender(), stored);

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
        for (String status : outcome.receipts()) {
            boolean last = status.equals(outcome.finalStatus());
            outbox.publish(Topic.MESSAGES_STATUS, to, correlationId,
                    new MessageStatusChanged(message.id, to, status, last ? outcome.errorCode() : null, now));
        }
        message.status = outcome.finalStatus();
        message.errorCode = outcome.errorCode();
        message.statusReason = outcome.reason();
        message.deliveredAt = outcome.reachedHandset() ? now : null;
        message.persist();
        if (!outcome.reachedHandset()) {
            LOG.infof("message %s to %s %s (%d): %s", message.id, to, message.status, outcome.errorCode(),
                    outcome.reason());
            return;
        }

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
