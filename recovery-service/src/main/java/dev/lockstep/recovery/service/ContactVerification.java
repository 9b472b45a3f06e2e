package dev.lockstep.recovery.service;

import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.recovery.config.RecoveryConfig;
import dev.lockstep.recovery.domain.CaseStatus;
import dev.lockstep.recovery.domain.RecoveryCase;
import dev.lockstep.recovery.domain.RecoveryPath;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The code that proves the owner reads the recovery phone (waiting period) or contact email (form):
 * sent when the case starts, sent again on request, and checked. Right: the wait starts, with the
 * time its status becomes visible, and the account's email is told (with a code to cancel); or the
 * form opens.
 */
@ApplicationScoped
public class ContactVerification {

    private final Cases cases;

    private final SandboxClock clock;

    private final CaseCodes codes;

    private final CaseLog log;

    private final RecoveryConfig config;

    private final TrustedPhoneRecovery trustedPhone;

    private final SendLimits limits;

    public ContactVerification(Cases cases, SandboxClock clock, CaseCodes codes, CaseLog log, RecoveryConfig config,
            TrustedPhoneRecovery trustedPhone, SendLimits limits) {
        this.cases = cases;
        this.clock = clock;
        this.codes = codes;
        this.log = log;
        this.config = config;
        this.trustedPhone = trustedPhone;
        this.limits = limits;
    }

    /** Issues a contact code for the case and sends it where its path sends it. */
    @Transactional(Transactional.TxType.MANDATORY)
    void send(RecoveryCase c, RecoverySettings.Settings now) {
        limits.check(c, c.path == RecoveryPath.FORM ? c.contactEmail : c.recoveryPhone);
        String code = codes.issue(c, "contact", 6, now.contactCodeTtl());
        if (c.path == RecoveryPath.FORM) {
            log.email(c, c.contactEmail, OwnerMessages.contactEmailCode(c.username, code), "recovery-code");
        } else {
            log.sms(c, c.recoveryPhone, OwnerMessages.recoveryPhoneCode(c.username, code), "recovery-code");
        }
    }

    public RecoveryCase verify(String caseId, String code) {
        RecoverySettings.Settings now = cases.settingsNow();
        CheckedCode checked = QuarkusTransaction.requiringNew().call(() -> {
            RecoveryCase c = Cases.lockOpen(caseId);
            c.requireContactCode();
            CaseCodes.Outcome outcome = codes.check(c.id, "contact", code, now.maxCodeAttempts(), true);
            if (outcome == CaseCodes.Outcome.EXHAUSTED) {
                c.tooManyWrongCodes();
                log.record(c, null, "owner", "contact code wrong too often");
            } else if (outcome == CaseCodes.Outcome.VALID) {
                verified(c, now);
            }
            return new CheckedCode(c, outcome);
        });
        return checked.orThrow();
    }

    private void verified(RecoveryCase c, RecoverySettings.Settings now) {
        c.contactVerified(clock.instant(), now.statusAfter(), now.waiting());
        if (c.path == RecoveryPath.FORM) {
            log.record(c, null, "owner", "contact email verified");
            return;
        }
        String cancel = codes.issue(c, "cancel", 8, now.waiting().plus(now.recoveryCodeTtl()));
        log.record(c, c.statusAvailableAt, "owner", "recovery phone verified; the wait ends at " + c.dueAt);
        log.email(c, c.ownerEmail, OwnerMessages.waitStarted(c.username, cancel, log.link(c), c.statusAvailableAt),
                "alert");
    }

    /** Sends the pending code again (to the recovery phone or contact email, or the chosen trusted phone). */
    public RecoveryCase resend(String caseId) {
        RecoverySettings.Settings now = cases.settingsNow();
        RecoveryCase found = cases.caseOf(caseId);
        if (found.status == CaseStatus.VERIFYING_PHONE && found.factorId != null) {
            return trustedPhone.sendCode(caseId, found.factorId);
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            RecoveryCase c = Cases.lockOpen(caseId);
            c.contactCodeResent(config.maxSends());
            send(c, now);
            log.record(c, null, "owner", "code " + c.sends + " sent");
            return c;
        });
    }
}
