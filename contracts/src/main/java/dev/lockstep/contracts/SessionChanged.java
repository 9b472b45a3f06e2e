package dev.lockstep.contracts;

/**
 * A session of an account was {@code revoked}: by logout, by its owner or an operator, or because a
 * used refresh token came back ({@code refresh-token-reuse}). {@code change} is always {@code revoked}
 * now: a session's start is the {@code sessionId} of the {@link LoginSucceeded} that opened it (events
 * written before that change also said {@code started}).
 */
@EventType("lockstep.session.changed.v1")
public record SessionChanged(String accountId, String sessionId, String change, String reason) {
}
