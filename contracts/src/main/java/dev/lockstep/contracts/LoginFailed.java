package dev.lockstep.contracts;

/**
 * A login step failed. {@code reason} is one of {@code password}, {@code unknown-user} (then
 * {@code accountId} is null, and so is the event's subject), {@code locked} (the account was locked
 * or its password invalidated), {@code blocked} (the risk engine refused a right password),
 * {@code code-invalid}, {@code code-superseded}, {@code code-used}, {@code code-expired},
 * {@code code-attempts-exhausted}.
 */
@EventType("lockstep.login.failed.v1")
public record LoginFailed(String accountId, String challengeId, String reason) {
}
