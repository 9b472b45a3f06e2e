package dev.lockstep.auth.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each preset's arithmetic against the rule its provider publishes. */
class BruteForcePolicyTest {

    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");

    /** Failures one {@code gap} apart, never during a lock; the lock each one caused (zero: none). */
    private static List<Duration> waits(BruteForcePolicy policy, int failures, Duration gap) {
        List<Duration> waits = new ArrayList<>();
        BruteForcePolicy.Failures state = BruteForcePolicy.Failures.NONE;
        Instant now = T0;
        for (int i = 0; i < failures; i++) {
            BruteForcePolicy.Verdict verdict = policy.afterFailure(state, now);
            waits.add(verdict.lockedUntil() == null ? Duration.ZERO : Duration.between(now, verdict.lockedUntil()));
            state = verdict.failures();
            now = (verdict.lockedUntil() != null ? verdict.lockedUntil() : now).plus(gap);
        }
        return waits;
    }

    @Test
    void keycloakDefaultLocksAMinutePerThirtyFailuresUpToFifteen() {
        BruteForcePolicy keycloak = BruteForcePolicy.preset("keycloak-default").orElseThrow();
        List<Duration> waits = waits(keycloak, 60, Duration.ofSeconds(5));
        assertEquals(Duration.ZERO, waits.get(28));
        assertEquals(Duration.ofMinutes(1), waits.get(29)); // 30 / 30 = 1 increment
        assertEquals(Duration.ofMinutes(2), waits.get(59)); // 60 / 30 = 2 increments
        assertEquals(Duration.ofMinutes(1), waits.get(30)); // 31 / 30 = 1 (integer division)
    }

    @Test
    void keycloakQuickLoginCheckLocksAMinuteForTwoFailuresWithinASecond() {
        BruteForcePolicy keycloak = BruteForcePolicy.preset("keycloak-default").orElseThrow();
        List<Duration> waits = waits(keycloak, 2, Duration.ofMillis(300));
        assertEquals(List.of(Duration.ZERO, Duration.ofMinutes(1)), waits);
    }

    @Test
    void cognitoDoublesFromOneSecondAfterFiveFailuresToAboutFifteenMinutes() {
        BruteForcePolicy cognito = BruteForcePolicy.preset("cognito").orElseThrow();
        List<Duration> waits = waits(cognito, 20, Duration.ofSeconds(1));
        assertEquals(Duration.ZERO, waits.get(3));
        assertEquals(Duration.ofSeconds(1), waits.get(4)); // 2^(5-5)
        assertEquals(Duration.ofSeconds(2), waits.get(5)); // 2^(6-5)
        assertEquals(Duration.ofSeconds(512), waits.get(13)); // 2^(14-5)
        assertEquals(Duration.ofMinutes(15), waits.get(14)); // 2^10 s > 15 min: capped
        // the 15-minute lock is as long as the idle reset: a failure after it starts counting afresh
        assertEquals(Duration.ZERO, waits.get(15));
    }

    @Test
    void cognitoForgetsFailuresAfterFifteenIdleMinutes() {
        BruteForcePolicy cognito = BruteForcePolicy.preset("cognito").orElseThrow();
        BruteForcePolicy.Failures four = new BruteForcePolicy.Failures(4, T0, 0);
        assertTrue(cognito.afterFailure(four, T0.plusSeconds(60)).locks());
        BruteForcePolicy.Verdict later = cognito.afterFailure(four, T0.plus(Duration.ofMinutes(16)));
        assertFalse(later.locks());
        assertEquals(1, later.failures().count());
    }

    @Test
    void nistLocksForGoodAtTheHundredthConsecutiveFailure() {
        BruteForcePolicy nist = BruteForcePolicy.preset("nist-800-63b").orElseThrow();
        assertFalse(nist.afterFailure(new BruteForcePolicy.Failures(98, T0, 0), T0.plusSeconds(1)).locks());
        BruteForcePolicy.Verdict hundredth = nist.afterFailure(new BruteForcePolicy.Failures(99, T0, 0), T0.plusSeconds(1));
        assertTrue(hundredth.permanent());
        assertNull(hundredth.lockedUntil());
    }

    @Test
    void demoLocksFifteenMinutesAtTheThirdFailure() {
        List<Duration> waits = waits(BruteForcePolicy.preset("demo").orElseThrow(), 3, Duration.ofSeconds(10));
        assertEquals(List.of(Duration.ZERO, Duration.ZERO, Duration.ofMinutes(15)), waits);
    }

    @Test
    void mixedModeTurnsPermanentAfterItsTemporaryLockouts() {
        BruteForcePolicy mixed = new BruteForcePolicy(BruteForcePolicy.Mode.MIXED, 2, Duration.ofMinutes(1),
                Duration.ofMinutes(15), Duration.ofHours(12), Duration.ZERO, Duration.ZERO, 1,
                BruteForcePolicy.Strategy.LINEAR);
        BruteForcePolicy.Verdict first = mixed.afterFailure(new BruteForcePolicy.Failures(1, T0, 0), T0.plusSeconds(5));
        assertEquals(T0.plusSeconds(5).plus(Duration.ofMinutes(1)), first.lockedUntil());
        BruteForcePolicy.Verdict second = mixed.afterFailure(first.failures(), first.lockedUntil().plusSeconds(5));
        assertTrue(second.permanent());
    }
}
