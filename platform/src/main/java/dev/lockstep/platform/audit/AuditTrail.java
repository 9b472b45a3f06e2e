package dev.lockstep.platform.audit;

import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.reset.SandboxReset;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Each service's audit trail of operator actions ({@code audit_entry}), written in the transaction
 * of the action itself; the operator comes from {@link dev.lockstep.platform.security.Operator}.
 */
@ApplicationScoped
public class AuditTrail {

    private final SandboxClock clock;

    public AuditTrail(SandboxClock clock) {
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String operator, String action, String target, String reason) {
        AuditEntry audit = new AuditEntry();
        audit.at = clock.instant();
        audit.operator = operator;
        audit.action = action;
        audit.target = target;
        audit.reason = reason;
        audit.persist();
    }

    /** Every entry, oldest first. */
    public List<AuditEntry> all() {
        return AuditEntry.list("order by at, id");
    }

    /** A reset empties the audit trail with everything else; the reset itself is its first entry. */
    void onReset(@Observes SandboxReset.Done done) {
        record("admin", "sandbox.reset", "sandbox", "every account, setting and audit entry of this service removed");
    }
}
