package dev.lockstep.contracts.http;

/**
 * otp-service's answer to a code check.
 *
 * @param outcome the verdict
 * @param remainingAttempts wrong tries left on this challenge
 * @param factorType what the code was checked against: {@code sms} or {@code totp}
 */
public record CodeCheckResult(Outcome outcome, int remainingAttempts, String factorType) {

    public enum Outcome {
        /** Right code, now used up. */
        VALID,
        /** Wrong code; one attempt spent. */
        INVALID,
        /** The code was right once and is already used. */
        USED,
        /** A newer code was sent; this one stopped working. */
        SUPERSEDED,
        /** The code's lifetime passed (on the sandbox clock). */
        EXPIRED,
        /** Too many wrong tries: the challenge takes no more codes. */
        ATTEMPTS_EXHAUSTED,
        /** No code has been issued for this challenge yet. */
        NO_CODE,
        /** The factor named is not a usable factor of the account. */
        UNKNOWN_FACTOR
    }
}
