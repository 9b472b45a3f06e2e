package dev.lockstep.contracts;

import java.time.Instant;

/** A right password opened a second-factor challenge; otp-service sends a code to {@code factorId}. */
@EventType("lockstep.login.challenge-created.v1")
public record LoginChallengeCreated(String challengeId, String accountId, String factorId, Instant expiresAt) {
}
