package dev.lockstep.auth.service;

import dev.lockstep.auth.domain.AuditEntry;
import dev.lockstep.platform.clock.SandboxClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Writes operator actions to the audit trail, in the transaction of the action itself. */
@ApplicationScoped
public class AuditTrail {

    @Inject
    SandboxClock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String operator, String action, String accountId, String reason) {
        AuditEntry audit = new AuditEntry();
        audit.at = clock.instant();
        audit.operator = operator;
        audit.action = action;
        audit.target = accountId;
        audit.reason = reason;
        audit.persist();
    }

    /** A reset empties the audit trail with everything else; the reset itself is its first entry. */
    void onReset(@jakarta.enterprise.event.Observes dev.lockstep.platform.reset.SandboxReset.Done done) {
        record("admin", "sandbox.reset", "sandbox", "every account, setting and audit entry removed");
    }
}
