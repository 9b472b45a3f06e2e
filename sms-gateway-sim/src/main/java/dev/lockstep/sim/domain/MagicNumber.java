package dev.lockstep.sim.domain;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * Numbers that behave in a fixed way with no setup, in the spirit of Twilio's test numbers (whose
 * {@code +1 500 555 0004} and {@code …0009} mean here what they mean there). Those that stand for a
 * phone state start in that state, which {@code PUT /v1/phones/{e164}} can still change; the others
 * act like a built-in fault rule, recorded in the delivery log as {@code magic:<number>}.
 */
public enum MagicNumber {

    ALWAYS_DELIVERED("+15005550100", "always delivered at once, whatever the fault rules say"),
    HANDSET_OFF("+15005550101", "handset off: undelivered, 30003"),
    SIM_CANCELLED("+15005550102", "SIM cancelled: undelivered, 30005"),
    CARRIER_FILTER("+15005550103", "carrier blocks alphanumeric senders: undelivered, 30007"),
    LANDLINE("+15005550104", "a landline: SMS failed, 30006 (a voice call gets through)"),
    STORAGE_FULL("+15005550105", "message storage full: undelivered, 30008"),
    ROAMING_NO_AGREEMENT("+15005550106", "roaming in ES without a roaming agreement: undelivered, 30003"),
    OPTED_OUT("+15005550004", "the subscriber replied STOP: failed, 21610 (as at Twilio)"),
    CANNOT_RECEIVE_SMS("+15005550009", "cannot receive SMS: failed, 21614 (as at Twilio)"),
    DELIVERED_AFTER_TWO_DAYS("+15005550110", "every message arrives 2 days late on the sandbox clock"),
    FIRST_LOST("+15005550111", "the first message is lost, later ones arrive"),
    DUPLICATED("+15005550112", "every message arrives twice");

    private final String number;
    private final String behaviour;

    MagicNumber(String number, String behaviour) {
        this.number = number;
        this.behaviour = behaviour;
    }

    public String number() {
        return number;
    }

    public String behaviour() {
        return behaviour;
    }

    public static Optional<MagicNumber> of(String e164) {
        return Arrays.stream(values()).filter(m -> m.number.equals(e164)).findFirst();
    }

    /** Gives a new phone of this number its state. */
    public void applyTo(Phone phone) {
        switch (this) {
            case HANDSET_OFF -> phone.handset = "off";
            case SIM_CANCELLED -> phone.sim = "cancelled";
            case CARRIER_FILTER -> phone.smsFilter = "alphanumeric";
            case LANDLINE -> phone.lineType = "fixed-line";
            case STORAGE_FULL -> phone.inboxCapacity = 0;
            case ROAMING_NO_AGREEMENT -> {
                phone.roaming = "ES";
                phone.roamingAgreement = false;
            }
            case OPTED_OUT -> phone.optedOut = true;
            case CANNOT_RECEIVE_SMS -> phone.smsCapable = false;
            default -> {
                // behaviour, not state
            }
        }
        phone.carrier = "Lockstep Test";
    }

    /** The built-in rule acting on the n-th message to this number, if any. */
    public Optional<FaultEngine.Firing> rule(long addressSeq) {
        FaultRule rule = new FaultRule();
        rule.id = "magic:" + number;
        rule.name = "magic number: " + behaviour;
        switch (this) {
            case DELIVERED_AFTER_TWO_DAYS -> {
                rule.effect = "delay";
                rule.delayMinMs = Duration.ofDays(2).toMillis();
            }
            case FIRST_LOST -> {
                if (addressSeq != 1) {
                    return Optional.empty();
                }
                rule.effect = "drop";
            }
            case DUPLICATED -> rule.effect = "duplicate";
            default -> {
                return Optional.empty();
            }
        }
        Duration delay = rule.delayMinMs != null ? Duration.ofMillis(rule.delayMinMs) : Duration.ZERO;
        return Optional.of(new FaultEngine.Firing(rule, delay));
    }
}
