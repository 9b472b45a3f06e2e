package dev.lockstep.sim.service;

import dev.lockstep.contracts.MessageStatusChanged;
import dev.lockstep.contracts.OutboundMessage;
import dev.lockstep.contracts.Topic;
import dev.lockstep.platform.clock.PeriodicTasks;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.outbox.Outbox;
import dev.lockstep.platform.tx.AfterCommit;
import dev.lockstep.sim.domain.DeliveryOutcome;
import dev.lockstep.sim.domain.DeliveryPolicy;
import dev.lockstep.sim.domain.FaultEngine;
import dev.lockstep.sim.domain.FaultRule;
import dev.lockstep.sim.domain.MagicNumber;
import dev.lockstep.sim.domain.Message;
import dev.lockstep.sim.domain.Phone;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Takes outbound messages into the simulated network. A magic number's built-in behaviour or the
 * first fault rule that fires acts first ({@link FaultEngine}); otherwise, and for held messages when
 * their time comes, the phone's or mailbox's state decides ({@link DeliveryPolicy}). Every step is a
 * delivery receipt ({@code queued}, {@code sent}, then {@code delivered}, {@code undelivered} or
 * {@code failed} with an error code), published to Kafka and to the live status stream. Only
 * delivered messages appear in an inbox; the delivery log shows them all, with the rule that decided.
 */
@ApplicationScoped
public class DeliveryService {

    private final Outbox outbox;

    private final SandboxClock clock;

    private final InboxWatch watch;

    private final StatusStream statusStream;

    private final PhoneService phones;

    private final MailboxService mailboxes;

    private final FaultService faults;

    private final TransactionSynchronizationRegistry transactions;

    private final Event<PeriodicTasks.Due> due;

    public DeliveryService(Outbox outbox, SandboxClock clock, InboxWatch watch, StatusStream statusStream, PhoneService phones,
            MailboxService mailboxes, FaultService faults, TransactionSynchronizationRegistry transactions,
            Event<PeriodicTasks.Due> due) {
        this.outbox = outbox;
        this.clock = clock;
        this.watch = watch;
        this.statusStream = statusStream;
        this.phones = phones;
        this.mailboxes = mailboxes;
        this.faults = faults;
        this.transactions = transactions;
        this.due = due;
    }

    /**
     * Takes a message whose address is already normalised (E.164, or a lower-case email address);
     * returns it, or the earlier one with the same id (a redelivered event changes nothing).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Message accept(OutboundMessage outbound, String address, String correlationId) {
        Message earlier = Message.<Message> find("id", outbound.messageId()).firstResult();
        if (earlier != null) {
            return earlier;
        }
        Instant now = clock.instant();
        boolean email = Message.isEmail(outbound.channel());
        Phone phone = email ? null : phones.getOrCreate(address);
        if (email) {
            mailboxes.getOrCreate(address);
        }
        long seq = Message.count("address", address) + 1;
        Message message = new Message();
        message.id = outbound.messageId();
        message.address = address;
        message.phone = email ? null : address;
        message.channel = outbound.channel();
        message.sender = outbound.sender();
        message.text = outbound.text();
        message.code = Message.extractCode(outbound.text(), outbound.channel());
        message.kind = outbound.kind();
        message.accountId = outbound.accountId();
        message.correlationId = correlationId;
        message.acceptedAt = now;
        message.phoneSeq = seq;

        Optional<MagicNumber> magic = email ? Optional.empty() : MagicNumber.of(address);
        if (magic.isPresent() && magic.get() == MagicNumber.ALWAYS_DELIVERED) {
            message.ruleId = "magic:" + address;
            deliver(message, DeliveryOutcome.delivered(), false);
            return message;
        }
        FaultEngine.Facts facts = new FaultEngine.Facts(address, email ? null : phone.region,
                email ? null : phone.carrier, message.channel, message.kind, seq, now);
        long seed = faults.seed();
        long evaluating = System.nanoTime();
        Optional<FaultEngine.Firing> firing = magic.flatMap(m -> m.rule(seq))
                .or(() -> FaultEngine.decide(faults.forEvaluation(facts), facts, seed));
        message.ruleEvaluationNanos = System.nanoTime() - evaluating;
        if (firing.isEmpty()) {
            handOver(message, false);
            return message;
        }
        FaultRule rule = firing.get().rule();
        message.ruleId = rule.id;
        String by = describe(rule);
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
            case "throttle" -> {
                receipt(message, "queued", null);
                receipt(message, "sent", null);
                receipt(message, "undelivered", rule.errorCode);
                message.errorCode = rule.errorCode;
                message.statusReason = "throttled by " + by + ": more than " + rule.perMinute + " a minute";
                message.persist();
            }
            case "delay", "reorder" -> {
                receipt(message, "queued", null);
                receipt(message, "sent", null);
                message.deliverAt = now.plus(firing.get().delay());
                message.hold = rule.effect;
                due.fire(new PeriodicTasks.Due(DelayedDeliveries.TIMER, message.deliverAt));
                message.statusReason = rule.effect.equals("delay")
                        ? "delayed by " + by + " until " + message.deliverAt
                        : "held by " + by + " until a later message overtakes it (at the latest " + message.deliverAt + ")";
                message.persist();
            }
            case "duplicate" -> {
                handOver(message, false);
                if (message.id.length() <= 60) {
                    Message copy = copyOf(message, message.id + "-dup", seq);
                    copy.ruleId = rule.id;
                    copy.statusReason = "duplicated by " + by;
                    handOver(copy, false);
                }
            }
            case "truncate" -> {
                if (message.text.length() > rule.textLength) {
                    alter(message, message.text.substring(0, rule.textLength), "truncated by " + by);
                }
                handOver(message, false);
            }
            case "corrupt" -> {
                alter(message, FaultEngine.corrupt(message.text, facts, seed, rule.position), "corrupted by " + by);
                handOver(message, false);
            }
            default -> throw new IllegalStateException("unknown effect " + rule.effect);
        }
        return message;
    }

    /** Hands a held message (delayed, or waiting to be overtaken) whose time has come to the phone. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void deliverLate(Message message) {
        message.statusReason = null;
        message.hold = null;
        handOver(message, true);
    }

    /** The phone's or mailbox's state decides; {@code alreadySent}: queued and sent were reported before. */
    private void handOver(Message message, boolean alreadySent) {
        long stored = Message.count("address = ?1 and status = 'delivered'", message.address);
        DeliveryOutcome outcome;
        if (Message.isEmail(message.channel)) {
            outcome = DeliveryPolicy.decide(mailboxes.getOrCreate(message.address), stored);
        } else {
            outcome = DeliveryPolicy.decide(phones.getOrCreate(message.address), message.channel, message.sender, stored);
        }
        deliver(message, outcome, alreadySent);
        if (outcome.reachedHandset() && !alreadySent) {
            releaseOvertaken(message.address);
        }
    }

    private void deliver(Message message, DeliveryOutcome outcome, boolean alreadySent) {
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
        if (outcome.reachedHandset()) {
            // the address's row is locked (getOrCreate), so arrivals at one address are serialised
            Long last = Message.find("select max(m.arrival) from Message m where m.address = ?1", message.address)
                    .project(Long.class).firstResult();
            message.arrival = last != null ? last + 1 : 1;
        }
        if (!message.isPersistent()) {
            message.persist();
        }
        if (outcome.reachedHandset()) {
            // the inbox shows the message only once it is committed
            AfterCommit.run(transactions, () -> watch.delivered(message));
        }
    }

    /** A message has just reached the address: those held to be overtaken follow it now. */
    private void releaseOvertaken(String address) {
        List<Message> held = Message.list("address = ?1 and hold = 'reorder' and status = 'sent' order by seq", address);
        for (Message message : held) {
            deliverLate(message);
        }
    }

    private void receipt(Message message, String status, Integer errorCode) {
        message.status = status;
        MessageStatusChanged event = new MessageStatusChanged(message.id, message.address, status, errorCode,
                clock.instant());
        outbox.publish(Topic.MESSAGES_STATUS, message.address, message.correlationId, event);
        pendingUpdates().add(new StatusStream.Update(event, message.channel, message.ruleId));
    }

    /** This transaction's receipts, published to the live stream in order once it commits. */
    @SuppressWarnings("unchecked")
    private List<StatusStream.Update> pendingUpdates() {
        List<StatusStream.Update> pending = (List<StatusStream.Update>) transactions.getResource(StatusStream.class);
        if (pending == null) {
            List<StatusStream.Update> created = new ArrayList<>();
            transactions.putResource(StatusStream.class, created);
            AfterCommit.run(transactions, () -> created.forEach(statusStream::publish));
            pending = created;
        }
        return pending;
    }

    private static void alter(Message message, String shown, String reason) {
        message.originalText = message.text;
        message.text = shown;
        message.code = Message.extractCode(shown, message.channel);
        message.statusReason = reason;
    }

    private static String describe(FaultRule rule) {
        if (rule.id.startsWith("magic:")) {
            return rule.name;
        }
        return "rule " + rule.position + (rule.name != null ? " '" + rule.name + "'" : "");
    }

    private static Message copyOf(Message original, String id, long seq) {
        Message copy = new Message();
        copy.id = id;
        copy.address = original.address;
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
