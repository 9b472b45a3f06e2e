package dev.lockstep.contracts;

/**
 * An account's recovery key was turned on (a new key) or off. An account with a key recovers with
 * it; recovery-service refuses it the waiting-period path.
 */
@EventType("lockstep.otp.recovery-key-changed.v1")
public record RecoveryKeyChanged(String accountId, boolean enabled) {
}
