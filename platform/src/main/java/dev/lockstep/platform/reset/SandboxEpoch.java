package dev.lockstep.platform.reset;

import dev.lockstep.contracts.CloudEvent;
import dev.lockstep.platform.settings.RuntimeSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Which sandbox-wide reset this service is at (its epoch, in {@code runtime_setting}). The outbox
 * stamps every event with it and the inbox ignores events stamped with an older one, so nothing
 * written before a reset lands after it, however long it waited on a topic.
 */
@ApplicationScoped
public class SandboxEpoch {

    static final String SETTING = "sandbox.epoch";

    private final RuntimeSettings settings;

    public SandboxEpoch(RuntimeSettings settings) {
        this.settings = settings;
    }

    private volatile long lastRead;

    /** The epoch, read in the caller's transaction (instances sharing a database agree on it). */
    public long current() {
        long epoch = settings.text(SETTING).map(Long::parseLong).orElse(0L);
        lastRead = epoch;
        return epoch;
    }

    /** The epoch this instance last read or set, for readers outside a transaction. */
    public long lastRead() {
        return lastRead;
    }

    /** Whether {@code event} was written before the reset this service is at. */
    public boolean fencedOff(CloudEvent event) {
        return event.before(current());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void set(long epoch) {
        settings.putText(SETTING, Long.toString(epoch));
        lastRead = epoch;
    }
}
