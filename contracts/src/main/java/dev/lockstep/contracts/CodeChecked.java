package dev.lockstep.contracts;

/**
 * otp-service checked a code for a challenge. {@code outcome} is {@code VALID}, {@code INVALID},
 * {@code USED}, {@code SUPERSEDED}, {@code EXPIRED} or {@code ATTEMPTS_EXHAUSTED}.
 */
@EventType("lockstep.otp.code-checked.v1")
public record CodeChecked(String accountId, String challengeId, String outcome, int remainingAttempts) {
}
