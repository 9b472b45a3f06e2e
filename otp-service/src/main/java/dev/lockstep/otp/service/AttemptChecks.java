package dev.lockstep.otp.service;

import dev.lockstep.contracts.http.CodeCheckResult;
import dev.lockstep.contracts.http.CodeCheckResult.Outcome;
import dev.lockstep.otp.domain.OtpChallenge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * Code checks that belong to a verify attempt: a right code's use is kept on its challenge with the
 * attempt's id, and the same attempt asked again gets the same answer (auth-service lost the first
 * one between the services), while any other attempt finds the code spent ({@link CodeChecker}).
 */
@ApplicationScoped
public class AttemptChecks {

    private final CodeChecker codes;

    private final CodePolicies policies;

    public AttemptChecks(CodeChecker codes, CodePolicies policies) {
        this.codes = codes;
        this.policies = policies;
    }

    /** {@code attemptId} null: a check that belongs to no retryable attempt. */
    @Transactional
    public CodeCheckResult check(String challengeId, String accountId, String code, String factorId, String attemptId) {
        if (attemptId != null) {
            OtpChallenge earlier = OtpChallenge.findById(challengeId, LockModeType.PESSIMISTIC_WRITE);
            if (earlier != null && earlier.accountId.equals(accountId) && attemptId.equals(earlier.validAttemptId)) {
                int remaining = Math.max(0, policies.ofChallenge(accountId, challengeId).maxAttempts() - earlier.wrongAttempts);
                return new CodeCheckResult(Outcome.VALID, remaining, earlier.validFactorType);
            }
        }
        CodeCheckResult result = codes.check(challengeId, accountId, code, factorId);
        if (attemptId != null && result.outcome() == Outcome.VALID) {
            OtpChallenge challenge = OtpChallenge.findById(challengeId);
            challenge.validAttemptId = attemptId;
            challenge.validFactorType = result.factorType();
        }
        return result;
    }
}
