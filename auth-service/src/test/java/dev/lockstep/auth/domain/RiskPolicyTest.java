package dev.lockstep.auth.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RiskPolicyTest {

    private static RiskPolicy on() {
        RiskPolicy d = RiskPolicy.defaults(List.of());
        return new RiskPolicy(true, d.weights(), d.mediumAt(), d.highAt(), d.actions(), d.alertOwner(),
                d.impossibleTravelKmh(), d.stuffingAccounts(), d.stuffingWindow(), d.deviceAccounts(), d.deviceWindow(),
                d.simSwapWindow(), d.compromisedPasswordSha256(), d.geoip());
    }

    @Test
    void offWeighsNothing() {
        assertEquals(RiskPolicy.Assessment.NONE, RiskPolicy.defaults(List.of()).assess(Set.of("impossible-travel")));
    }

    @Test
    void signalsAddUpToALevelAndItsAction() {
        RiskPolicy policy = on();
        RiskPolicy.Assessment nothing = policy.assess(Set.of());
        assertEquals(0, nothing.score());
        assertEquals(RiskAction.ALLOW, nothing.action());

        RiskPolicy.Assessment newDevice = policy.assess(Set.of("new-device"));
        assertEquals("low", newDevice.level(), "20 < 30");

        RiskPolicy.Assessment simSwap = policy.assess(Set.of("sim-swap"));
        assertEquals(50, simSwap.score());
        assertEquals("medium", simSwap.level());
        assertEquals(RiskAction.REQUIRE_MFA, simSwap.action());
        assertFalse(simSwap.alertOwner());

        RiskPolicy.Assessment travel = policy.assess(Set.of("impossible-travel", "new-country"));
        assertEquals(85, travel.score());
        assertEquals("high", travel.level());
        assertEquals(RiskAction.BLOCK, travel.action());
        assertTrue(travel.alertOwner());
        assertEquals(List.of("new-country", "impossible-travel"), travel.signals(), "in the documented order");
    }

    @Test
    void unusablePoliciesAreRefusedWithTheReason() {
        RiskPolicy d = on();
        Map<String, Integer> weights = new HashMap<>(d.weights());
        weights.put("full-moon", 5);
        assertNotNull(new RiskPolicy(true, weights, 30, 60, d.actions(), d.alertOwner(), 1000, 5, Duration.ofMinutes(10),
                4, Duration.ofHours(1), Duration.ofDays(7), List.of(), d.geoip()).problem());
        assertNotNull(new RiskPolicy(true, d.weights(), 60, 30, d.actions(), d.alertOwner(), 1000, 5,
                Duration.ofMinutes(10), 4, Duration.ofHours(1), Duration.ofDays(7), List.of(), d.geoip()).problem());
        assertNotNull(new RiskPolicy(true, d.weights(), 30, 60, Map.of("low", "allow", "medium", "shrug", "high", "lock"),
                d.alertOwner(), 1000, 5, Duration.ofMinutes(10), 4, Duration.ofHours(1), Duration.ofDays(7), List.of(),
                d.geoip()).problem());
        assertNotNull(new RiskPolicy(true, d.weights(), 30, 60, d.actions(), d.alertOwner(), 1000, 5, Duration.ZERO, 4,
                Duration.ofHours(1), Duration.ofDays(7), List.of(), d.geoip()).problem());
        assertNull(d.problem());
    }
}
