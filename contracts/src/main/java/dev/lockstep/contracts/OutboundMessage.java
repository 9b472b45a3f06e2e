package dev.lockstep.contracts;

/**
 * A message for the simulated network to deliver to a virtual phone or mailbox. This is the one
 * place a code's plaintext travels: the handset has to show it.
 *
 * @param to an E.164 number ({@code sms}, {@code voice}) or an email address ({@code email})
 * @param channel {@code sms}, {@code voice} (the text is spoken; it lands as a voice message) or {@code email}
 * @param kind what the message is for: {@code login-code}, {@code recovery-code}, {@code alert}
 */
@EventType("lockstep.message.outbound.v1")
public record OutboundMessage(String messageId, String to, String channel, String sender, String text,
        String kind, String accountId) {
}
