package dev.lockstep.recovery.service;

import dev.lockstep.platform.phone.PhoneNumbers;
import dev.lockstep.platform.problem.ProblemException;
import dev.lockstep.recovery.domain.CaseStatus;
import dev.lockstep.recovery.domain.RecoveryCase;
import dev.lockstep.recovery.domain.RecoveryPath;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/**
 * The end of every owner's path: a ready case and a new password. auth-service unlocks the account,
 * replaces the password, revokes every session and tells the owner; after a waiting period the
 * recovery phone becomes the account's trusted phone. The calls happen between this service's own
 * transactions, never inside them.
 */
@ApplicationScoped
public class Completion {

    private final IdpGateway idp;

    private final Cases cases;

    private final CaseCodes codes;

    private final CaseLog log;

    public Completion(IdpGateway idp, Cases cases, CaseCodes codes, CaseLog log) {
        this.idp = idp;
        this.cases = cases;
        this.codes = codes;
        this.log = log;
    }

    /** {@code code}: the recovery code (waiting period, form); the other paths checked theirs moments ago. */
    public RecoveryCase complete(String caseId, String code, String newPassword) {
        RecoverySettings.Settings now = cases.settingsNow();
        CheckedCode checked = QuarkusTransaction.requiringNew().call(() -> {
            RecoveryCase c = Cases.lockOpen(caseId);
            c.requireReady();
            if (c.path == RecoveryPath.TRUSTED_PHONE || c.path == RecoveryPath.RECOVERY_KEY) {
                return new CheckedCode(c, CaseCodes.Outcome.VALID);
            }
            if (code == null) {
                throw ProblemException.badRequest("invalid-request", "The recovery code is required", null)
                        .with("field", "code");
            }
            CaseCodes.Outcome outcome = codes.check(c.id, "recovery", code, now.maxCodeAttempts(), false);
            if (outcome == CaseCodes.Outcome.EXHAUSTED) {
                c.tooManyWrongCodes();
                log.record(c, null, "owner", "recovery code wrong too often");
            }
            return new CheckedCode(c, outcome);
        });
        RecoveryCase c = checked.orThrow();
        idp.restore(c.accountId, c.id, newPassword, c.correlationId);
        if (c.path == RecoveryPath.WAITING_PERIOD) {
            idp.replacePhones(c.accountId, c.recoveryPhone, c.correlationId);
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            RecoveryCase locked = RecoveryCase.findById(c.id, LockModeType.PESSIMISTIC_WRITE);
            if (locked.status != CaseStatus.READY) {
                return locked; // a concurrent completion finished it
            }
            if (locked.path == RecoveryPath.WAITING_PERIOD || locked.path == RecoveryPath.FORM) {
                codes.spend(locked.id, "recovery");
            }
            locked.restored();
            log.record(locked, null, "owner", locked.path == RecoveryPath.WAITING_PERIOD
                    ? "new password; trusted phone now " + PhoneNumbers.mask(locked.recoveryPhone)
                    : "new password");
            return locked;
        });
    }
}
