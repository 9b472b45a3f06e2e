package dev.lockstep.sim.rest;

import dev.lockstep.sim.domain.Message;
import java.time.Instant;

/**
 * A message as the inbox API and the delivery log show it.
 *
 * @param to the E.164 number (sms, voice) or email address (email)
 * @param text the text as the handset or mailbox shows it
 * @param originalText the text as sent, when a rule truncated or corrupted it; else null
 * @param code the one-time code found in the text (null when none), so tests need no parsing
 * @param errorCode carrier error code (Twilio's numbering) when the message did not reach the handset
 * @param statusReason why it did not, in words
 * @param ruleId the fault rule that decided, if one did
 * @param deliverAt for a delayed message, when it will reach the phone (sandbox clock)
 * @param acceptedAt when the network took it (sandbox clock)
 * @param deliveredAt when it reached the handset (sandbox clock), null until then
 */
public record MessageView(String id, String to, String channel, String sender, String text, String originalText,
        String code, String kind, String status, Integer errorCode, String statusReason, String ruleId, String correlationId,
        Instant acceptedAt, Instant deliverAt, Instant deliveredAt) {

    public static MessageView of(Message m) {
        return new MessageView(m.id, m.address, m.channel, m.sender, m.text, m.originalText, m.code, m.kind, m.status,
                m.errorCode,
                m.statusReason, m.ruleId, m.correlationId, m.acceptedAt, m.deliverAt, m.deliveredAt);
    }
}
