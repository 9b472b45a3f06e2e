package dev.lockstep.contracts;

/**
 * An account's password stopped working: support saw suspicious activity (stories S0 and S4). Until
 * an operator sets a new one (or a recovery does), no password signs in.
 */
@EventType("lockstep.password.invalidated.v1")
public record PasswordInvalidated(String accountId, String reason) {
}
