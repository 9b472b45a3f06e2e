package dev.lockstep.sim.service;

import dev.lockstep.contracts.MessageStatusChanged;
import dev.lockstep.contracts.OutboundMessage;
import dev.lockstep.contracts.Topic;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.outbox.Outbox;
import dev.lockstep.platform.phone.PhoneNumbers;
import dev.lockstep.platform.tx.AfterCommit;
import dev.lockstep.sim.domain.DeliveryOutcome;
import dev.lockstep.sim.domain.DeliveryPolicy;
import dev.lockstep.sim.domain.FaultEngine;
import dev.lockstep.sim.domain.FaultRule;
import dev.lockstep.sim.domain.Message;
import dev.lockstep.sim.domain.Phone;
import dev.lockstep.sim.rest.MessageView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Takes outbound messages into the simulated network. Fault rules act first ({@link FaultEngine}:
 * drop, reject, delay on the sandbox clock, duplicate); otherwise, and for delayed messages when
 * their time comes, the phone's state decides ({@link DeliveryPolicy}). Every step is a delivery
 * receipt ({@code queued}, {@code sent}, then {@code delivered}, {@code undelivered} or
 * {@code failed} with a carrier error code). Only delivered messages appear in the inbox; the
 * delivery log shows them all, with the rule that decided.
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
    FaultService faults;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Transactional(Transactional.TxType.MANDATORY)
    public void accept(OutboundMessage outbound, String correlationId) {
        String to;
        try {
            to = PhoneNumbers.toE164(outbound.to());
        } catch (RuntimeException e) {
            LOG.warnf("message %s is addressed to an invalid number; dropped", outbound.messageId());
            return;
        }
        if (Message.count("id", outbound.messageId()) > 0) {
            return;
        }
        Instant now = clock.instant();
        Phone phone = phones.getOrCreate(to);
        long seq = Message.count("phone", to) + 1;
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
        message.phoneSeq = seq;

        FaultEngine.Facts facts = new FaultEngine.Facts(to, phone.region, phone.carrier, message.channel,
                message.kind, seq, now);
        Optional<FaultEngine.Firing> firing = FaultEngine.decide(faults.forEvaluation(), facts, faults.seed());
        if (firing.isEmpty()) {
            handToPhone(message, phone, false);
            return;
        }
        FaultRule rule = firing.get().rule();
        message.ruleId = rule.id;
        String by = "rule " + rule.position + (rule.name != null ? " '" + rule.name + "'" : "");
        switch (rule.effect) {
            case "drop" -> {
                receipt(message, "queued", null);
                receipt(message, "sent", null);
                message.statusReason = "dropped by " + by + "; no receipt will follow";
                message.persist();
            }
            case "reject" -> {
                receipt(message, "queued", null);
                receipt(message, "failed", rule.errorCode);
                message.errorCode = rule.errorCode;
                message.statusReason = "rejected by " + by;
                message.persist();
            }
            case "delay" -> {
                receipt(message, "queued", null);
                receipt(message, "sent", null);
                message.deliverAt = now.plus(firing.get().delay());
                message.statusReason = "delayed by " + by + " until " + message.deliverAt;
                message.persist();
            }
            case "duplicate" -> {
                handToPhone(message, phone, false);
                Message copy = copyOf(message, message.id.length() <= 60 ? message.id + "-dup" : null, seq);
                if (copy != null) {
                    copy.ruleId = rule.id;
                    copy.statusReason = "duplicated by " + by;
                    handToPhone(copy, phone, false);
                }
            }
            default -> throw new IllegalStateException("unknown effect " + rule.effect);
        }
    }

    /** Hands a delayed message whose time has come to the phone. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void deliverLate(Message message) {
        Phone phone = phones.getOrCreate(message.phone);
        message.statusReason = null;
        handToPhone(message, phone, true);
    }

    /** The phone's state decides; {@code alreadySent}: queued and sent were reported before. */
    private void handToPhone(Message message, Phone phone, boolean alreadySent) {
        long stored = Message.count("phone = ?1 and status = 'delivered'", phone.e164);
        DeliveryOutcome outcome = DeliveryPolicy.decide(phone, message.sender, stored);
        for (String status : outcome.receipts()) {
            if (alreadySent && (status.equals("queued") || status.equals("sent"))) {
                continue;
            }
            boolean last = status.equals(outcome.finalStatus());
            receipt(message, status, last ? outcome.errorCode() : null);
        }
        message.errorCode = outcome.errorCode();
        if (outcome.reason() != null) {
            message.statusReason = outcome.reason();
        }
        message.deliveredAt = outcome.reachedHandset() ? clock.instant() : null;
        if (!message.isPersistent()) {
            message.persist();
        }
        if (outcome.reachedHandset()) {
            MessageView view = MessageView.of(message);
            // the inbox shows the message only once it is committed
            AfterCommit.run(transactions, () -> watch.delivered(view));
        }
    }

    private void receipt(Message message, String status, Integer errorCode) {
        message.status = status;
        outbox.publish(Topic.MESSAGES_STATUS, message.phone, message.correlationId,
                new MessageStatusChanged(message.id, message.phone, status, errorCode, clock.instant()));
    }

    private static Message copyOf(Message original, String id, long seq) {
        if (id == null) {
            return null;
        }
        Message copy = new Message();
        copy.id = id;
        copy.phone = original.phone;
        copy.channel = original.channel;
        copy.sender = original.sender;
        copy.text = original.text;
        copy.code = original.code;
        copy.kind = original.kind;
        copy.accountId = original.accountId;
        copy.correlationId = original.correlationId;
        copy.acceptedAt = original.acceptedAt;
        copy.phoneSeq = seq;
        return copy;
    }
}
