package dev.lockstep.platform.clock;

import dev.lockstep.contracts.ClockChanged;
import java.time.Duration;
import java.time.Instant;

/**
 * The sandbox clock as {@code GET /v1/clock} shows it.
 *
 * @param now current virtual time
 * @param frozen whether virtual time stands still
 * @param offset how far virtual time is from real time (ISO-8601)
 * @param revision how many changes the clock has seen
 */
public record ClockView(Instant now, boolean frozen, String offset, long revision) {

    public static ClockView of(SandboxClock clock) {
        ClockChanged setting = clock.setting();
        Instant real = clock.realInstant();
        Instant now = ClockSettings.virtualTime(setting, real);
        return new ClockView(now, setting.frozenAt() != null, Duration.between(real, now).withNanos(0).toString(),
                setting.revision());
    }
}
