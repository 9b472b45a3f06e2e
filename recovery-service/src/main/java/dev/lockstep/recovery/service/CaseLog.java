package dev.lockstep.recovery.service;

import dev.lockstep.contracts.OutboundMessage;
import dev.lockstep.contracts.RecoveryCaseChanged;
import dev.lockstep.contracts.Topic;
import dev.lockstep.platform.audit.AuditTrail;
import dev.lockstep.platform.clock.PeriodicTasks;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.outbox.Outbox;
import dev.lockstep.recovery.config.RecoveryConfig;
import dev.lockstep.recovery.domain.CaseHistory;
import dev.lockstep.recovery.domain.RecoveryCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/**
 * Every move of a case is recorded here: a line of history and the {@code recovery.case-changed}
 * event, in the caller's transaction; its next time on the clock wakes {@link RecoveryTimers}. Also the messages a case sends
 * (to the simulated phones and mailboxes) and the operator audit.
 */
@ApplicationScoped
public class CaseLog {

    private final Outbox outbox;

    private final SandboxClock clock;

    private final RecoveryConfig config;

    private final AuditTrail auditTrail;

    private final Event<PeriodicTasks.Due> due;

    public CaseLog(Outbox outbox, SandboxClock clock, RecoveryConfig config, AuditTrail auditTrail,
            Event<PeriodicTasks.Due> due) {
        this.due = due;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
        this.auditTrail = auditTrail;
    }

    /**
     * Records the move the case just made (its status and reason): a line of history and the event.
     * {@code availableAt}: when the owner may see more, or the next thing happens.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(RecoveryCase recoveryCase, Instant availableAt, String actor, String detail) {
        Instant now = clock.instant();
        if (!recoveryCase.open() && recoveryCase.closedAt == null) {
            recoveryCase.closedAt = now;
        }
        CaseHistory line = new CaseHistory();
        line.caseId = recoveryCase.id;
        line.at = now;
        line.status = recoveryCase.status.name();
        line.actor = actor;
        line.detail = detail != null && detail.length() > 512 ? detail.substring(0, 512) : detail;
        line.persist();
        outbox.publish(Topic.RECOVERY_EVENTS, recoveryCase.accountId != null ? recoveryCase.accountId : recoveryCase.username,
                recoveryCase.correlationId, new RecoveryCaseChanged(recoveryCase.id, recoveryCase.accountId,
                        recoveryCase.path.slug, recoveryCase.status.name(), recoveryCase.reason, availableAt, now));
        Instant moves = RecoveryTimers.timeOf(recoveryCase, config.abandonedAfter());
        if (moves != null) {
            due.fire(new PeriodicTasks.Due(RecoveryTimers.TIMER, moves));
        }
    }

    /** A text message to a virtual phone. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void sms(RecoveryCase recoveryCase, String phone, String text, String kind) {
        outbox.publish(Topic.MESSAGES_OUTBOUND, phone, recoveryCase.correlationId, new OutboundMessage(
                UUID.randomUUID().toString(), phone, "sms", config.messages().smsSender(), text, kind,
                recoveryCase.accountId));
    }

    /** An email to a virtual mailbox; none when there is no address. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void email(RecoveryCase recoveryCase, String address, String text, String kind) {
        if (address == null) {
            return;
        }
        outbox.publish(Topic.MESSAGES_OUTBOUND, address, recoveryCase.correlationId, new OutboundMessage(
                UUID.randomUUID().toString(), address, "email", config.messages().emailSender(), text, kind,
                recoveryCase.accountId));
    }

    /** A link to the case in the owner-facing API (for messages). */
    public String link(RecoveryCase recoveryCase) {
        return config.messages().publicUrl() + "/v1/recovery/cases/" + recoveryCase.id;
    }

    /** An operator action, in the recovery-service audit trail. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void audit(String operator, String action, String target, String reason) {
        auditTrail.record(operator, action, target, reason);
    }
}
