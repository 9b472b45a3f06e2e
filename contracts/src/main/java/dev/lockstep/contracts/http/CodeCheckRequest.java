package dev.lockstep.contracts.http;

/**
 * auth-service asks otp-service whether {@code code} is right for a challenge.
 *
 * @param factorId the factor the code comes from (a phone's SMS code, or an authenticator app)
 * @param attemptId the verify attempt this check belongs to (up to 64 letters, digits or dashes), or
 *        null: otp-service keeps it with a right code's use, so the same attempt asked again (its answer
 *        was lost on the way back) gets the same answer, while any other attempt finds the code spent
 */
public record CodeCheckRequest(String accountId, String code, String factorId, String attemptId) {

    /** A check that belongs to no retryable attempt. */
    public CodeCheckRequest(String accountId, String code, String factorId) {
        this(accountId, code, factorId, null);
    }
}
