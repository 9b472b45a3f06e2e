package dev.lockstep.contracts;

/**
 * The user asked for another code for an open challenge; the previous code stops working.
 *
 * @param channel {@code sms}, or {@code voice} for a call that reads the code out (null: sms)
 */
@EventType("lockstep.login.code-requested.v1")
public record LoginCodeRequested(String challengeId, String accountId, String factorId, String channel) {
}
