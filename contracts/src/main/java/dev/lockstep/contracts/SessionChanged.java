package dev.lockstep.contracts;

/**
 * A session of an account {@code started} (a login) or was {@code revoked}: by logout, by its owner or
 * an operator, or because a used refresh token came back ({@code refresh-token-reuse}).
 */
@EventType("lockstep.session.changed.v1")
public record SessionChanged(String accountId, String sessionId, String change, String reason) {
}
