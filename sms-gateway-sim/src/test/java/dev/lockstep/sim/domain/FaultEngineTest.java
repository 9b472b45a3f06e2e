package dev.lockstep.sim.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FaultEngineTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    private static FaultRule rule(int position, String effect) {
        FaultRule rule = new FaultRule();
        rule.id = "r" + position;
        rule.position = position;
        rule.effect = effect;
        return rule;
    }

    private static FaultEngine.Facts message(long seq) {
        return new FaultEngine.Facts("+819012345678", "JP", "docomo", "sms", "login-code", seq, NOW);
    }

    @Test
    void theFirstRuleThatFiresDecidesAndOnlyMatchingRulesCount() {
        FaultRule other = rule(1, "drop");
        other.matchCountry = "ES";
        FaultRule first = rule(2, "reject");
        FaultRule second = rule(3, "drop");
        Optional<FaultEngine.Firing> firing = FaultEngine.decide(List.of(other, first, second), message(1), 1);
        assertEquals("r2", firing.orElseThrow().rule().id);
        assertEquals(0, other.schedule.matched);
        assertEquals(1, first.schedule.hits);
        assertEquals(0, second.schedule.matched);
    }

    @Test
    void nextNFiresNTimesThenStepsAside() {
        FaultRule rule = rule(1, "drop");
        rule.schedule.next = 2;
        assertTrue(FaultEngine.decide(List.of(rule), message(1), 1).isPresent());
        assertTrue(FaultEngine.decide(List.of(rule), message(2), 1).isPresent());
        assertFalse(FaultEngine.decide(List.of(rule), message(3), 1).isPresent());
        assertEquals(2, rule.schedule.hits);
    }

    @Test
    void aWindowOfSandboxTimeIncludesItsStartAndExcludesItsEnd() {
        FaultRule rule = rule(1, "drop");
        rule.schedule.from = NOW;
        rule.schedule.until = NOW.plusSeconds(60);
        assertTrue(FaultEngine.matches(rule, message(1)));
        rule.schedule.until = NOW;
        assertFalse(FaultEngine.matches(rule, message(1)));
    }

    @Test
    void randomDrawsDependOnlyOnSeedPhoneAndPlace() {
        double a = FaultEngine.draw(7, message(5), 1, 0);
        assertEquals(a, FaultEngine.draw(7, message(5), 1, 0));
        assertTrue(a >= 0 && a < 1);
        assertTrue(a != FaultEngine.draw(8, message(5), 1, 0));
        assertTrue(a != FaultEngine.draw(7, message(6), 1, 0));
    }

    @Test
    void aProbabilityOfAHalfFiresForAboutHalfTheMessages() {
        FaultRule rule = rule(1, "drop");
        rule.schedule.probability = 0.5;
        int fired = 0;
        for (int seq = 1; seq <= 2000; seq++) {
            fired += FaultEngine.decide(List.of(rule), message(seq), 99).isPresent() ? 1 : 0;
        }
        assertTrue(fired > 900 && fired < 1100, fired + " of 2000");
    }

    @Test
    void aUniformDelayStaysInItsBounds() {
        FaultRule rule = rule(1, "delay");
        rule.delayMinMs = 1000L;
        rule.delayMaxMs = 5000L;
        for (int seq = 1; seq <= 200; seq++) {
            Duration delay = FaultEngine.decide(List.of(rule), message(seq), 3).orElseThrow().delay();
            assertTrue(delay.toMillis() >= 1000 && delay.toMillis() <= 5000, delay.toString());
        }
    }

    @Test
    void aLogNormalDelayHasItsMedianWhereItWasSet() {
        FaultRule rule = rule(1, "delay");
        rule.delayDistribution = "log-normal";
        rule.delayMinMs = 60_000L;
        rule.delaySigma = 0.8;
        List<Long> delays = new ArrayList<>();
        for (int seq = 1; seq <= 2001; seq++) {
            delays.add(FaultEngine.decide(List.of(rule), message(seq), 5).orElseThrow().delay().toMillis());
        }
        Collections.sort(delays);
        long median = delays.get(1000);
        assertTrue(median > 54_000 && median < 66_000, "median " + median);
        assertTrue(delays.get(2000) > 4 * 60_000, "no long tail: longest " + delays.get(2000));
    }

    @Test
    void throttleLetsItsAllowancePassEachMinuteOfSandboxTime() {
        FaultRule rule = rule(1, "throttle");
        rule.perMinute = 2;
        List<Boolean> fired = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            fired.add(FaultEngine.decide(List.of(rule), message(i + 1), 1).isPresent());
        }
        FaultEngine.Facts nextMinute = new FaultEngine.Facts("+819012345678", "JP", "docomo", "sms", "login-code", 4,
                NOW.plusSeconds(60));
        fired.add(FaultEngine.decide(List.of(rule), nextMinute, 1).isPresent());
        assertEquals(List.of(false, false, true, false), fired);
    }

    @Test
    void corruptionChangesEveryDigitAndNothingElse() {
        String garbled = FaultEngine.corrupt("Code: 000000 (10 min)", message(1), 1, 1);
        assertEquals(garbled, FaultEngine.corrupt("Code: 000000 (10 min)", message(1), 1, 1));
        assertTrue(garbled.matches("Code: [1-9]{6} \\([02-9][1-9] min\\)"), garbled);
    }
}
