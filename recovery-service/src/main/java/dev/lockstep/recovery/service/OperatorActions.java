package dev.lockstep.recovery.service;

import dev.lockstep.contracts.http.RecoveryCalls;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.problem.ProblemException;
import dev.lockstep.recovery.domain.RecoveryCase;
import dev.lockstep.recovery.domain.RecoveryPath;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** What support does with cases (S2): cancel one, or escalate after an identity check. Audited; the owner told. */
@ApplicationScoped
public class OperatorActions {

    private final IdpGateway idp;

    private final Cases cases;

    private final CaseLog log;

    private final SandboxClock clock;

    public OperatorActions(IdpGateway idp, Cases cases, CaseLog log, SandboxClock clock) {
        this.idp = idp;
        this.cases = cases;
        this.log = log;
        this.clock = clock;
    }

    /** An operator cancels an open case, with a reason. */
    public RecoveryCase cancel(String caseId, String operator, String reason) {
        return QuarkusTransaction.requiringNew().call(() -> {
            RecoveryCase c = Cases.lockOpen(caseId);
            c.cancel("operator");
            log.record(c, null, operator, reason);
            log.audit(operator, "recovery.cancel", c.id, reason);
            log.email(c, c.ownerEmail, OwnerMessages.cancelledBySupport(c.username), "alert");
            return c;
        });
    }

    /**
     * Support escalation: after an identity check, an operator opens a case that runs after a delay
     * and removes the sessions, devices and factors that appeared since {@code since}
     * ({@link RecoveryTimers} runs it).
     */
    public RecoveryCase escalate(String username, Instant since, String identityCheck, String operator, String reason) {
        RecoveryCalls.AccountFacts account = idp.account(username)
                .orElseThrow(() -> ProblemException.notFound("account-not-found", "No such account"));
        RecoverySettings.Settings now = cases.settingsNow();
        return QuarkusTransaction.requiringNew().call(() -> {
            RecoveryCase c = cases.start(RecoveryPath.ESCALATION, account.id(), account.username(), null);
            c.ownerEmail = account.email();
            c.since = since;
            c.openedBy = operator;
            c.dueAt = clock.instant().plus(now.escalation());
            c.persist();
            log.record(c, c.dueAt, operator, "identity check: " + identityCheck + "; removes what appeared since " + since);
            log.audit(operator, "recovery.escalate", c.id, reason);
            log.email(c, c.ownerEmail, OwnerMessages.escalationOpened(c.username, c.dueAt, since), "alert");
            return c;
        });
    }
}
