package dev.lockstep.contracts;

import java.util.Map;

/**
 * Every Kafka topic of the sandbox, declared once: name, partition count and whether the topic is
 * compacted (each record's key is in docs/architecture.md). The broker runner creates exactly these topics; automatic topic
 * creation is off.
 */
public enum Topic {
    /**
     * Facts from auth-service: accounts, locks, devices, login challenges, sessions ended, the OpenID
     * Connect provider's steps. Key: account id.
     */
    AUTH_EVENTS("lockstep.auth.events", 3, false),
    /**
     * Each sign-in's outcome from auth-service, one event a step: {@code login.succeeded} and
     * {@code login.failed}. A topic of its own so that consumers with no use for them (otp-service,
     * auth-service's back-channel logout) do not fetch one record per login. Key: account id.
     */
    SIGN_INS("lockstep.auth.sign-ins", 3, false),
    /** Facts from otp-service: factors added, codes issued and checked. Key: account id. */
    OTP_EVENTS("lockstep.otp.events", 3, false),
    /** Messages for the simulated network to deliver (they carry the code text). Key: E.164 number. */
    MESSAGES_OUTBOUND("lockstep.messages.outbound", 3, false),
    /** Delivery receipts from the simulated network. Key: E.164 phone number. */
    MESSAGES_STATUS("lockstep.messages.status", 3, false),
    /** Virtual phone state changes (SIM cancelled or swapped, handset off, roaming…). Key: E.164 number. */
    PHONE_EVENTS("lockstep.phones.events", 3, false),
    /** Facts from recovery-service. Key: account id. */
    RECOVERY_EVENTS("lockstep.recovery.events", 3, false),
    /** The sandbox clock; compacted, the latest value is the current clock. Key: "sandbox". */
    SANDBOX_CLOCK("lockstep.sandbox.clock", 1, true),
    /** Records a consumer could not handle, kept for inspection instead of being lost. Key: as received. */
    DEAD_LETTERS("lockstep.dead-letters", 1, false);

    private final String topicName;
    private final int partitions;
    private final boolean compacted;

    Topic(String topicName, int partitions, boolean compacted) {
        this.topicName = topicName;
        this.partitions = partitions;
        this.compacted = compacted;
    }

    public String topicName() {
        return topicName;
    }

    public int partitions() {
        return partitions;
    }

    public boolean compacted() {
        return compacted;
    }

    /** Topic-level configuration to create the topic with. */
    public Map<String, String> config() {
        return compacted ? Map.of("cleanup.policy", "compact") : Map.of();
    }
}
