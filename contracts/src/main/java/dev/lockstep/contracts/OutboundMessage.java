package dev.lockstep.contracts;

/**
 * A message for the simulated network to deliver to a virtual phone. This is the one place a
 * code's plaintext travels: the handset has to show it.
 *
 * @param channel {@code sms} (voice and email come with the phone-network work)
 * @param kind what the message is for: {@code login-code}, {@code recovery-code}, {@code alert}
 */
@EventType("lockstep.message.outbound.v1")
public record OutboundMessage(String messageId, String to, String channel, String sender, String text,
        String kind, String accountId) {
}
