package dev.lockstep.otp.service;

import dev.lockstep.contracts.CodeChecked;
import dev.lockstep.contracts.Topic;
import dev.lockstep.contracts.http.CodeCheckResult;
import dev.lockstep.contracts.http.CodeCheckResult.Outcome;
import dev.lockstep.otp.config.OtpConfig;
import dev.lockstep.otp.domain.CodeVerdict;
import dev.lockstep.otp.domain.Factor;
import dev.lockstep.otp.domain.IssuedCode;
import dev.lockstep.otp.domain.OtpChallenge;
import dev.lockstep.otp.domain.Totp;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.outbox.Outbox;
import dev.lockstep.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.OptionalLong;

/**
 * Checks a presented code against the factor it comes from: a texted or spoken code (by its keyed
 * hash), an authenticator app's, a recovery code or the recovery key. Wrong ones spend the challenge's
 * attempts and the account's daily guesses.
 */
@ApplicationScoped
public class CodeChecker {

    private final OtpConfig config;

    private final CodeHasher hasher;

    private final Outbox outbox;

    private final SandboxClock clock;

    private final SecretBox box;

    private final CodePolicies policies;

    private final RecoveryCodeService recoveryCodes;

    private final RecoveryKeyService recoveryKeys;

    private final DailyGuessLimit guesses;

    public CodeChecker(OtpConfig config, CodeHasher hasher, Outbox outbox, SandboxClock clock, SecretBox box,
            CodePolicies policies, RecoveryCodeService recoveryCodes, RecoveryKeyService recoveryKeys,
            DailyGuessLimit guesses) {
        this.config = config;
        this.hasher = hasher;
        this.outbox = outbox;
        this.clock = clock;
        this.box = box;
        this.policies = policies;
        this.recoveryCodes = recoveryCodes;
        this.recoveryKeys = recoveryKeys;
        this.guesses = guesses;
    }

    /**
     * Checks a presented code against the factor it comes from (null: the challenge's current one);
     * wrong ones spend the challenge's attempts, whichever factor they were meant for.
     */
    @Transactional
    public CodeCheckResult check(String challengeId, String accountId, String code, String factorId) {
        int max = policies.ofChallenge(accountId, challengeId).maxAttempts();
        Factor.lockAccount(accountId);
        Factor factor = factorId != null ? Factor.findById(factorId) : null;
        if (factorId != null && (factor == null || !factor.accountId.equals(accountId) || !"active".equals(factor.status))) {
            return new CodeCheckResult(Outcome.UNKNOWN_FACTOR, max, null);
        }
        boolean recovery = factor != null && factor.type.startsWith("recovery-");
        if (!recovery && !code.matches("[0-9]{4,8}")) {
            throw ProblemException.badRequest("invalid-request", "A code from a phone or an app is 4 to 8 digits", null);
        }
        if (guesses.spent(accountId)) {
            return new CodeCheckResult(Outcome.ATTEMPTS_EXHAUSTED, 0, factor != null ? factor.type : "sms");
        }
        if (factor != null && "totp".equals(factor.type)) {
            return checkTotp(OtpChallenge.lockedOrNew(challengeId, accountId, factorId, null, clock.instant()), factor, code,
                    max);
        }
        if (factor != null && "recovery-code".equals(factor.type)) {
            return checkRecoveryCode(OtpChallenge.lockedOrNew(challengeId, accountId, factorId, null, clock.instant()), code,
                    max);
        }
        if (factor != null && "recovery-key".equals(factor.type)) {
            OtpChallenge challenge = OtpChallenge.lockedOrNew(challengeId, accountId, factorId, null, clock.instant());
            Outcome outcome = challenge.wrongAttempts >= max ? Outcome.ATTEMPTS_EXHAUSTED
                    : recoveryKeys.matches(factor, code) ? Outcome.VALID : Outcome.INVALID;
            if (CodeVerdict.spendsAttempt(outcome)) {
                challenge.wrongAttempts++;
            }
            return checked(challenge, outcome, max, "recovery-key");
        }
        OtpChallenge challenge = OtpChallenge.findById(challengeId, LockModeType.PESSIMISTIC_WRITE);
        if (challenge == null || !challenge.accountId.equals(accountId)) {
            return new CodeCheckResult(Outcome.NO_CODE, max, "sms");
        }
        List<IssuedCode> codes = IssuedCode.ofChallenge(challengeId);
        String presented = hasher.hash(challengeId, code);
        IssuedCode matched = null;
        for (IssuedCode candidate : codes) {
            if (CodeHasher.same(candidate.codeHash, presented)) {
                matched = candidate;
            }
        }
        Outcome outcome = CodeVerdict.decide(codes, matched, challenge.wrongAttempts, max, clock.instant());
        if (CodeVerdict.spendsAttempt(outcome)) {
            challenge.wrongAttempts++;
        }
        if (outcome == Outcome.VALID) {
            matched.status = IssuedCode.Status.USED;
        }
        return checked(challenge, outcome, max, "sms");
    }

    /** An authenticator code: right within the drift and newer than the last one used, or wrong. */
    private CodeCheckResult checkTotp(OtpChallenge challenge, Factor factor, String code, int max) {
        Outcome outcome;
        if (challenge.wrongAttempts >= max) {
            outcome = Outcome.ATTEMPTS_EXHAUSTED;
        } else {
            byte[] secret = box.open(factor.totpSecret);
            int drift = config.totp().drift();
            OptionalLong step = Totp.verify(secret, factor.totpSettings(), code, clock.instant(), drift, factor.totpLastStep);
            if (step.isPresent()) {
                factor.totpLastStep = step.getAsLong();
                outcome = Outcome.VALID;
            } else if (Totp.verify(secret, factor.totpSettings(), code, clock.instant(), drift, -1).isPresent()) {
                outcome = Outcome.USED; // right, but its window was already spent: a replay
            } else {
                outcome = Outcome.INVALID;
            }
        }
        if (CodeVerdict.spendsAttempt(outcome)) {
            challenge.wrongAttempts++;
        }
        return checked(challenge, outcome, max, "totp");
    }

    /** A recovery code: one of the account's, unused; wrong and used ones spend attempts. */
    private CodeCheckResult checkRecoveryCode(OtpChallenge challenge, String code, int max) {
        Outcome outcome;
        if (challenge.wrongAttempts >= max) {
            outcome = Outcome.ATTEMPTS_EXHAUSTED;
        } else {
            outcome = switch (recoveryCodes.use(challenge.accountId, code)) {
                case VALID -> Outcome.VALID;
                case USED -> Outcome.USED;
                case WRONG -> Outcome.INVALID;
            };
        }
        if (CodeVerdict.spendsAttempt(outcome)) {
            challenge.wrongAttempts++;
        }
        return checked(challenge, outcome, max, "recovery-code");
    }

    private CodeCheckResult checked(OtpChallenge challenge, Outcome outcome, int max, String factorType) {
        int remaining = Math.max(0, max - challenge.wrongAttempts);
        outbox.publish(Topic.OTP_EVENTS, challenge.accountId, challenge.correlationId,
                new CodeChecked(challenge.accountId, challenge.challengeId, outcome.name(), remaining));
        return new CodeCheckResult(outcome, remaining, factorType);
    }
}
