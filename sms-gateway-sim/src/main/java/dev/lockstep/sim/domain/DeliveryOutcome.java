package dev.lockstep.sim.domain;

import java.util.List;

/**
 * How a message ends, in the vocabulary of SMS APIs: the receipts it goes through and, when it did
 * not reach the handset, the carrier error code (Twilio's numbering) and a reason a person can read.
 */
public record DeliveryOutcome(List<String> receipts, Integer errorCode, String reason) {

    public static DeliveryOutcome delivered() {
        return new DeliveryOutcome(List.of("queued", "sent", "delivered"), null, null);
    }

    /** The carrier took it, the handset never got it. */
    public static DeliveryOutcome undelivered(int errorCode, String reason) {
        return new DeliveryOutcome(List.of("queued", "sent", "undelivered"), errorCode, reason);
    }

    /** Refused before it left: it was never sent. */
    public static DeliveryOutcome failed(int errorCode, String reason) {
        return new DeliveryOutcome(List.of("queued", "failed"), errorCode, reason);
    }

    public String finalStatus() {
        return receipts.get(receipts.size() - 1);
    }

    public boolean reachedHandset() {
        return "delivered".equals(finalStatus());
    }
}
