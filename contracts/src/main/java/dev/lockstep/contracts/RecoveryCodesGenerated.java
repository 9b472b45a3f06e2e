package dev.lockstep.contracts;

/** otp-service made a new set of one-time recovery codes for an account; the earlier set stopped working. */
@EventType("lockstep.otp.recovery-codes-generated.v1")
public record RecoveryCodesGenerated(String accountId, String factorId, int count) {
}
