package dev.lockstep.contracts;

/** otp-service removed a second factor of an account (a trusted phone, an authenticator). */
@EventType("lockstep.factor.removed.v1")
public record FactorRemoved(String accountId, String factorId, String type) {
}
