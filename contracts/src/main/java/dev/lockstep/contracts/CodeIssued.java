package dev.lockstep.contracts;

import java.time.Instant;

/** otp-service issued a one-time code (the code itself never appears in this event). */
@EventType("lockstep.otp.code-issued.v1")
public record CodeIssued(String accountId, String challengeId, String factorId, String codeId, String messageId,
        int digits, Instant expiresAt) {
}
