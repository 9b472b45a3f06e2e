package dev.lockstep.recovery.service;

import dev.lockstep.contracts.http.CodeCheckResult;
import dev.lockstep.contracts.http.FactorView;
import dev.lockstep.contracts.http.RecoveryCalls;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.problem.ProblemException;
import dev.lockstep.recovery.config.RecoveryConfig;
import dev.lockstep.recovery.domain.CaseStatus;
import dev.lockstep.recovery.domain.RecoveryCase;
import dev.lockstep.recovery.domain.RecoveryPath;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * S0's fallback: the current password (even an invalidated one), then a code to a trusted phone the
 * owner picks from the masked list. otp-service issues and checks the code; the case id is its
 * challenge. A right code lets the owner set a new password for a while.
 */
@ApplicationScoped
public class TrustedPhoneRecovery {

    public record Started(RecoveryCase recoveryCase, List<FactorView> phones) {
    }

    private final IdpGateway idp;

    private final Cases cases;

    private final CaseLog log;

    private final RecoveryConfig config;

    private final SandboxClock clock;

    private final SendLimits limits;

    private final RefusalFloor floor;

    public TrustedPhoneRecovery(IdpGateway idp, Cases cases, CaseLog log, RecoveryConfig config, SandboxClock clock,
            SendLimits limits,
            RefusalFloor floor) {
        this.idp = idp;
        this.cases = cases;
        this.log = log;
        this.config = config;
        this.clock = clock;
        this.limits = limits;
        this.floor = floor;
    }

    /**
     * The name and current password open a case and list the trusted phones; a refusal comes after the {@link RefusalFloor}.
     */
    public Started start(String username, String password, String deviceId) {
        RecoveryCalls.AccountFacts account = floor.answer(() -> idp.credentials(username, password)
                .orElseThrow(TrustedPhoneRecovery::invalidCredentials));
        List<FactorView> phones = idp.factors(account.id()).stream().filter(f -> "sms".equals(f.type())).toList();
        RecoveryCase c = QuarkusTransaction.requiringNew().call(() -> {
            RecoveryCase created = cases.start(RecoveryPath.TRUSTED_PHONE, account.id(), account.username(), deviceId);
            created.ownerEmail = account.email();
            created.persist();
            log.record(created, null, "owner", phones.size() + " trusted phones to choose from");
            return created;
        });
        return new Started(c, phones);
    }

    /** Sends a code to the chosen trusted phone; at most so many per case. */
    public RecoveryCase sendCode(String caseId, String factorId) {
        RecoveryCase c = QuarkusTransaction.requiringNew().call(() -> {
            RecoveryCase locked = Cases.lockOpen(caseId);
            locked.trustedPhoneChosen(factorId, config.maxSends());
            limits.check(locked, null);
            log.record(locked, null, "owner", "code " + locked.sends + " requested");
            return locked;
        });
        idp.sendCode(c.accountId, factorId, c.id, c.correlationId);
        return c;
    }

    /** The code from the trusted phone, checked by otp-service (which counts a wrong one). */
    public RecoveryCase verify(String caseId, String code) {
        RecoveryCase found = QuarkusTransaction.requiringNew().call(() -> Cases.lockOpen(caseId));
        found.requireTrustedPhoneCode();
        CodeCheckResult result = idp.check(found.id, found.accountId, code, found.factorId);
        RecoveryCase c = QuarkusTransaction.requiringNew().call(() -> {
            RecoveryCase locked = Cases.lockOpen(caseId);
            if (locked.status != CaseStatus.VERIFYING_PHONE) {
                return locked;
            }
            switch (result.outcome()) {
                case VALID -> {
                    locked.trustedPhoneVerified(clock.instant().plus(config.verifiedWindow()));
                    log.record(locked, locked.dueAt, "owner", "trusted phone verified");
                }
                case ATTEMPTS_EXHAUSTED -> {
                    locked.tooManyWrongCodes();
                    log.record(locked, null, "owner", "trusted phone code wrong too often");
                }
                default -> {
                    // a wrong, old or expired code: otp-service counted it
                }
            }
            return locked;
        });
        return switch (result.outcome()) {
            case VALID -> c;
            case INVALID, USED, SUPERSEDED -> throw new ProblemException(401, "code-invalid", "The code is not right", null)
                    .with("remainingAttempts", result.remainingAttempts());
            case EXPIRED -> throw new ProblemException(410, "code-expired", "The code has expired", "Ask for a new code.");
            case ATTEMPTS_EXHAUSTED -> throw CheckedCode.tooManyCodes();
            case NO_CODE -> throw new ProblemException(409, "code-not-sent-yet", "No code has been sent yet",
                    "Wait for the message, or ask for a new code.");
            case UNKNOWN_FACTOR -> throw ProblemException.badRequest("unknown-factor", "No such trusted phone", null);
        };
    }

    private static ProblemException invalidCredentials() {
        return new ProblemException(401, "invalid-credentials", "The account name or password is not right", null);
    }
}
