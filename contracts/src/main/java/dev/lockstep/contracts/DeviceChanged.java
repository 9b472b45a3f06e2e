package dev.lockstep.contracts;

/**
 * A device of an account changed: {@code new} (first sign-in from it), {@code trusted} (the owner
 * trusted it after a second factor) or {@code revoked} (by the owner or an operator).
 */
@EventType("lockstep.device.changed.v1")
public record DeviceChanged(String accountId, String deviceId, String change) {
}
