package dev.lockstep.platform.clock;

import dev.lockstep.contracts.ClockChanged;
import dev.lockstep.contracts.CloudEvent;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The one clock every service reads: real time plus the sandbox offset, or the frozen instant.
 * Domain code takes this (a {@link Clock}) and never reads the wall clock itself, so advancing the
 * sandbox clock reaches every expiry, lock and waiting period.
 */
@Singleton
public class SandboxClock extends Clock {

    private volatile ClockChanged setting = ClockSettings.initial();

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    @Override
    public Instant instant() {
        return ClockSettings.virtualTime(setting, realInstant());
    }

    /** The machine's real time; the only place the wall clock is read. */
    public Instant realInstant() {
        return Instant.ofEpochMilli(System.currentTimeMillis());
    }

    /** When an event happened: its {@code time} (on the sandbox clock of the service that sent it), or now if it has none. */
    public Instant timeOf(CloudEvent event) {
        return event.time() != null ? event.time() : instant();
    }

    public ClockChanged setting() {
        return setting;
    }

    /**
     * Adopts a setting unless an equal or newer revision is already in force.
     *
     * @return true when the clock changed
     */
    public boolean apply(ClockChanged newer) {
        synchronized (this) {
            if (newer.revision() <= setting.revision()) {
                return false;
            }
            setting = new ClockChanged(newer.revision(), newer.offsetMillis(), newer.frozenAt(), null);
        }
        listeners.forEach(Runnable::run);
        return true;
    }

    /** Runs {@code listener} after each change of the setting (a jump, a freeze), on the thread that applied it. */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        SandboxClock self = this;
        return new Clock() {
            @Override
            public Instant instant() {
                return self.instant();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }
        };
    }
}
