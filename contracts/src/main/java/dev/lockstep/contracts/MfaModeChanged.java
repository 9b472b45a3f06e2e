package dev.lockstep.contracts;

/**
 * An operator changed when an account needs a second factor: {@code always}, or {@code off}
 * (password only, e.g. while a support case is open).
 */
@EventType("lockstep.account.mfa-mode-changed.v1")
public record MfaModeChanged(String accountId, String mode, String operator, String reason) {
}
