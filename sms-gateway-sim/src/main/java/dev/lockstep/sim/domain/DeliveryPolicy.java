package dev.lockstep.sim.domain;

/**
 * What a phone's or mailbox's state alone does to a message, checked in the order a real network
 * meets the problems: the line, the subscription, the carrier's filter, the handset, its storage. A
 * voice call reaches landlines and passes SMS filters and opt-outs; it still needs a live handset.
 */
public final class DeliveryPolicy {

    /** Twilio: landline or unreachable carrier; retrying does not help. */
    public static final int LANDLINE = 30006;
    /** Twilio: unknown destination handset (the number is out of service). */
    public static final int UNKNOWN_HANDSET = 30005;
    /** Twilio: message filtered by the carrier. */
    public static final int FILTERED = 30007;
    /** Twilio: unreachable destination handset (off, no signal); transient. */
    public static final int UNREACHABLE = 30003;
    /** Twilio: unknown error (here: the handset's storage is full). */
    public static final int UNKNOWN = 30008;
    /** Twilio: the recipient opted out (replied STOP); refused before sending. */
    public static final int OPTED_OUT = 21610;
    /** Twilio: the number cannot receive SMS; refused before sending. */
    public static final int CANNOT_RECEIVE_SMS = 21614;
    /** SMTP: the mailbox is unavailable (does not exist). */
    public static final int MAILBOX_UNAVAILABLE = 550;
    /** SMTP: the mailbox is full. */
    public static final int MAILBOX_FULL = 552;

    private DeliveryPolicy() {
    }

    /**
     * @param channel {@code sms} or {@code voice}
     * @param sender the sender id shown on the handset: a number ({@code +…}) or alphanumeric
     * @param storedMessages messages already on the handset
     */
    public static DeliveryOutcome decide(Phone phone, String channel, String sender, long storedMessages) {
        if ("voice".equals(channel)) {
            return decideCall(phone, storedMessages);
        }
        if ("fixed-line".equals(phone.lineType)) {
            return DeliveryOutcome.failed(LANDLINE, "the number is a landline");
        }
        if (!phone.smsCapable) {
            return DeliveryOutcome.failed(CANNOT_RECEIVE_SMS, "the number cannot receive SMS");
        }
        if (phone.optedOut) {
            return DeliveryOutcome.failed(OPTED_OUT, "the subscriber opted out of these messages");
        }
        if ("cancelled".equals(phone.sim)) {
            return DeliveryOutcome.undelivered(UNKNOWN_HANDSET, "the SIM is cancelled; the number is not in service");
        }
        boolean alphanumeric = sender == null || !sender.startsWith("+");
        if ("alphanumeric".equals(phone.smsFilter) && alphanumeric) {
            return DeliveryOutcome.undelivered(FILTERED, "the carrier blocks alphanumeric senders");
        }
        if ("international".equals(phone.smsFilter) && (phone.roaming != null || alphanumeric)) {
            return DeliveryOutcome.undelivered(FILTERED, phone.roaming != null
                    ? "the carrier filters messages to a phone roaming in " + phone.roaming
                    : "the carrier filters international (alphanumeric) senders");
        }
        return reachHandset(phone, storedMessages, "message storage");
    }

    /** Mail to a mailbox: it exists and has room, or it bounces. */
    public static DeliveryOutcome decide(Mailbox mailbox, long storedMessages) {
        if (!mailbox.active) {
            return DeliveryOutcome.undelivered(MAILBOX_UNAVAILABLE, "the mailbox does not exist; the mail bounced");
        }
        if (storedMessages >= mailbox.inboxCapacity) {
            return DeliveryOutcome.undelivered(MAILBOX_FULL, "the mailbox is full; the mail bounced");
        }
        return DeliveryOutcome.delivered();
    }

    private static DeliveryOutcome decideCall(Phone phone, long storedMessages) {
        if ("cancelled".equals(phone.sim)) {
            return DeliveryOutcome.undelivered(UNKNOWN_HANDSET, "the SIM is cancelled; the number is not in service");
        }
        return reachHandset(phone, storedMessages, "voicemail");
    }

    private static DeliveryOutcome reachHandset(Phone phone, long storedMessages, String storage) {
        if (phone.roaming != null && !phone.roamingAgreement) {
            return DeliveryOutcome.undelivered(UNREACHABLE,
                    "the phone roams in " + phone.roaming + ", where its carrier has no roaming agreement");
        }
        if ("off".equals(phone.handset)) {
            return DeliveryOutcome.undelivered(UNREACHABLE, "the handset is off");
        }
        if ("none".equals(phone.signal)) {
            return DeliveryOutcome.undelivered(UNREACHABLE, "the handset has no signal");
        }
        if (storedMessages >= phone.inboxCapacity) {
            return DeliveryOutcome.undelivered(UNKNOWN, "the handset's " + storage + " is full");
        }
        return DeliveryOutcome.delivered();
    }
}
