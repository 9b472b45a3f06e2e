package dev.lockstep.platform.clock;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockstep.contracts.ClockChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClockTimerTest {

    /** Long enough that no round in these tests comes from the fallback pause. */
    private static final Duration NEVER = Duration.ofHours(1);

    private final SandboxClock clock = new SandboxClock();

    /** The sandbox time at which each round ran. */
    private final List<Instant> rounds = new CopyOnWriteArrayList<>();

    private final AtomicReference<Instant> stored = new AtomicReference<>();

    private ClockTimer timer;

    @AfterEach
    void stop() {
        timer.close();
    }

    private void start(Duration minPause) {
        timer = ClockTimer.start("test-timer", clock, minPause, NEVER, stored::get, () -> rounds.add(clock.instant()));
        clock.onChange(timer::clockChanged);
        // at least: where work stays due, the next round may have run before the first look
        await().atMost(Duration.ofSeconds(10)).until(() -> rounds.size() >= 1);
    }

    @Test
    void workToldAboutRunsWhenItFallsDueAndNotBefore() {
        start(Duration.ZERO);
        Instant due = clock.instant().plusMillis(300);
        timer.dueAt(due);
        await().atMost(Duration.ofSeconds(10)).until(() -> rounds.size() >= 2);
        assertFalse(rounds.get(1).isBefore(due), "ran at " + rounds.get(1) + ", due " + due);
        assertEquals(2, rounds.size(), "an idle timer runs no rounds of its own");
    }

    @Test
    void aClockJumpPastStoredWorkRunsItAtOnce() {
        stored.set(clock.instant().plus(Duration.ofDays(1)));
        start(Duration.ZERO);
        ClockChanged now = clock.setting();
        clock.apply(new ClockChanged(now.revision() + 1, Duration.ofDays(1).plusMinutes(1).toMillis(), null, null));
        await().atMost(Duration.ofSeconds(10)).until(() -> rounds.size() >= 2);
        assertFalse(rounds.get(1).isBefore(stored.get()));
    }

    @Test
    void workThatStaysDueIsTriedAgainNoFasterThanTheMinimumPause() {
        stored.set(Instant.EPOCH); // a round that never clears it: the work stays due
        long started = System.nanoTime();
        start(Duration.ofMillis(150));
        await().atMost(Duration.ofSeconds(10)).until(() -> rounds.size() >= 4);
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(elapsedMillis >= 3 * 150, "4 rounds took " + elapsedMillis + " ms");
    }
}
