package dev.lockstep.contracts;

/**
 * A login step failed for a known account. {@code reason} is one of {@code password},
 * {@code code-invalid}, {@code code-superseded}, {@code code-used}, {@code code-expired},
 * {@code code-attempts-exhausted}.
 */
@EventType("lockstep.login.failed.v1")
public record LoginFailed(String accountId, String challengeId, String reason) {
}
