package dev.lockstep.contracts;

/** The user asked for another code for an open challenge; the previous code stops working. */
@EventType("lockstep.login.code-requested.v1")
public record LoginCodeRequested(String challengeId, String accountId, String factorId) {
}
