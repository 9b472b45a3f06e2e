package dev.lockstep.platform.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.lockstep.contracts.ClockChanged;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClockSettingsTest {

    private static final Instant REAL = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void advancingMovesVirtualTimeAndKeepsRunning() {
        ClockChanged later = ClockSettings.advance(ClockSettings.initial(), Duration.ofDays(3), REAL);
        assertEquals(Instant.parse("2026-11-24T10:00:00Z"), ClockSettings.virtualTime(later, REAL));
        assertEquals(Instant.parse("2026-11-24T10:00:05Z"), ClockSettings.virtualTime(later, REAL.plusSeconds(5)));
        assertEquals(1, later.revision());
    }

    @Test
    void frozenClockStandsStillAndAdvancesByTheExactAmount() {
        ClockChanged frozen = ClockSettings.freeze(ClockSettings.initial(), true, REAL);
        assertEquals(REAL, ClockSettings.virtualTime(frozen, REAL.plusSeconds(3600)));
        ClockChanged moved = ClockSettings.advance(frozen, Duration.ofHours(1), REAL.plusSeconds(10));
        assertEquals(REAL.plusSeconds(3600), ClockSettings.virtualTime(moved, REAL.plusSeconds(999)));
    }

    @Test
    void unfreezingContinuesFromTheFrozenInstant() {
        ClockChanged frozen = ClockSettings.freeze(ClockSettings.initial(), true, REAL);
        ClockChanged running = ClockSettings.freeze(frozen, false, REAL.plusSeconds(600));
        assertNull(running.frozenAt());
        assertEquals(REAL.plusSeconds(1), ClockSettings.virtualTime(running, REAL.plusSeconds(601)));
    }

    @Test
    void settingJumpsToTheInstantAndRunsFromThere() {
        Instant target = Instant.parse("2030-01-01T00:00:00Z");
        ClockChanged set = ClockSettings.set(ClockSettings.initial(), target, REAL);
        assertEquals(target.plusSeconds(2), ClockSettings.virtualTime(set, REAL.plusSeconds(2)));
    }

    @Test
    void aLateEchoOfAnOlderRevisionDoesNotWindTheClockBack() {
        SandboxClock clock = new SandboxClock();
        ClockChanged first = ClockSettings.advance(clock.setting(), Duration.ofDays(1), REAL);
        ClockChanged second = ClockSettings.advance(first, Duration.ofDays(1), REAL);
        assertEquals(true, clock.apply(second));
        assertEquals(false, clock.apply(first));
        assertEquals(2 * 86_400_000L, clock.setting().offsetMillis());
    }
}
