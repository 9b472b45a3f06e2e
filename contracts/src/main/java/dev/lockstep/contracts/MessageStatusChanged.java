package dev.lockstep.contracts;

import java.time.Instant;

/**
 * A delivery receipt: {@code queued}, {@code sent}, {@code delivered}, {@code undelivered} or
 * {@code failed}, with a carrier error code (Twilio's numbering) when it did not go through.
 */
@EventType("lockstep.message.status-changed.v1")
public record MessageStatusChanged(String messageId, String to, String status, Integer errorCode, Instant at) {
}
