package dev.lockstep.platform.clock;

import dev.lockstep.contracts.ClockChanged;
import java.time.Duration;
import java.time.Instant;

/**
 * The arithmetic of the sandbox clock, free of any real time source: given the real instant,
 * compute the virtual instant and the settings that an advance, a set or a freeze produce.
 */
public final class ClockSettings {

    private ClockSettings() {
    }

    /** The starting setting: virtual time equals real time. */
    public static ClockChanged initial() {
        return new ClockChanged(0, 0, null, null);
    }

    public static Instant virtualTime(ClockChanged setting, Instant real) {
        return setting.frozenAt() != null ? setting.frozenAt() : real.plusMillis(setting.offsetMillis());
    }

    /** Moves virtual time by {@code amount} (negative goes back); a frozen clock stays frozen. */
    public static ClockChanged advance(ClockChanged current, Duration amount, Instant real) {
        if (current.frozenAt() != null) {
            Instant frozen = current.frozenAt().plus(amount);
            return new ClockChanged(current.revision() + 1, current.offsetMillis(), frozen, frozen);
        }
        long offset = Math.addExact(current.offsetMillis(), amount.toMillis());
        return new ClockChanged(current.revision() + 1, offset, null, real.plusMillis(offset));
    }

    /** Sets virtual time to {@code target}; a frozen clock stays frozen there. */
    public static ClockChanged set(ClockChanged current, Instant target, Instant real) {
        if (current.frozenAt() != null) {
            return new ClockChanged(current.revision() + 1, current.offsetMillis(), target, target);
        }
        long offset = target.toEpochMilli() - real.toEpochMilli();
        return new ClockChanged(current.revision() + 1, offset, null, target);
    }

    /** Freezes at the current virtual time, or lets it run again from where it stood. */
    public static ClockChanged freeze(ClockChanged current, boolean freeze, Instant real) {
        Instant now = virtualTime(current, real);
        if (freeze) {
            return new ClockChanged(current.revision() + 1, current.offsetMillis(), now, now);
        }
        long offset = now.toEpochMilli() - real.toEpochMilli();
        return new ClockChanged(current.revision() + 1, offset, null, now);
    }
}
