package dev.lockstep.contracts;

/** otp-service registered a second factor for an account. */
@EventType("lockstep.factor.added.v1")
public record FactorAdded(String accountId, String factorId, String type, String maskedPhone) {
}
