package dev.lockstep.sim;

import static dev.lockstep.sim.SimFixtures.addRule;
import static dev.lockstep.sim.SimFixtures.advance;
import static dev.lockstep.sim.SimFixtures.inbox;
import static dev.lockstep.sim.SimFixtures.logged;
import static dev.lockstep.sim.SimFixtures.send;
import static dev.lockstep.sim.SimFixtures.uniquePhone;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockstep.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The effects that change a message rather than its fate: order, text, pace and spread of delays. */
@QuarkusTest
class EffectsTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Test
    void aReorderedMessageArrivesAfterTheOneSentAfterIt() {
        String phone = uniquePhone();
        String rule = addRule(
                "{\"match\":{\"number\":\"" + phone + "\"},\"effect\":{\"type\":\"reorder\"},\"trigger\":{\"next\":1}}");
        String first = send(connector, phone, "Your code is 111111");
        Map<String, Object> held = logged(first);
        assertEquals("sent", held.get("status"));
        assertEquals(rule, held.get("ruleId"));
        assertTrue(inbox(phone).isEmpty(), "a held message showed");

        String second = send(connector, phone, "Your code is 222222");
        await().atMost(Duration.ofSeconds(5)).until(() -> inbox(phone).size() == 2);
        // newest first: the first message came in last
        assertEquals(List.of(first, second), inbox(phone).stream().map(m -> m.get("id")).toList());
    }

    @Test
    void aReorderedMessageNobodyOvertakesArrivesWhenItsHoldEnds() {
        String phone = uniquePhone();
        addRule("{\"match\":{\"number\":\"" + phone + "\"},\"effect\":{\"type\":\"reorder\",\"delay\":\"PT10M\"}}");
        String id = send(connector, phone, "Your code is 333333");
        assertEquals("sent", logged(id).get("status"));
        advance("PT10M");
        await().atMost(Duration.ofSeconds(5)).until(() -> "delivered".equals(logged(id).get("status")));
    }

    @Test
    void aShortDelayEndsWhenItsTimeComesWithoutAClockChange() {
        // the timers' fallback pause is an hour in tests: only the held message's own wake-up delivers it
        String phone = uniquePhone();
        addRule("{\"match\":{\"number\":\"" + phone + "\"},\"effect\":{\"type\":\"delay\",\"delay\":\"PT1S\"}}");
        String id = send(connector, phone, "Your code is 900001");
        assertEquals("sent", logged(id).get("status"));
        await().atMost(Duration.ofSeconds(20)).until(() -> "delivered".equals(logged(id).get("status")));
        assertEquals(List.of(id), inbox(phone).stream().map(m -> m.get("id")).toList());
    }

    @Test
    void truncateCutsTheTextAndTheCodeWithIt() {
        String phone = uniquePhone();
        addRule("{\"match\":{\"number\":\"" + phone + "\"},\"effect\":{\"type\":\"truncate\",\"length\":15}}");
        Map<String, Object> message = logged(send(connector, phone, "Your code is 444444"));
        assertEquals("delivered", message.get("status"));
        assertEquals("Your code is 44", message.get("text"));
        assertEquals("Your code is 444444", message.get("originalText"));
        assertNull(message.get("code"), "a cut code is no code");
    }

    @Test
    void corruptChangesEveryDigitTheSameWayForTheSameSeed() {
        String phone = uniquePhone();
        addRule("{\"match\":{\"number\":\"" + phone + "\"},\"effect\":{\"type\":\"corrupt\"}}");
        Map<String, Object> message = logged(send(connector, phone, "Your code is 555555"));
        String code = (String) message.get("code");
        assertEquals(6, code.length());
        for (int i = 0; i < 6; i++) {
            assertNotEquals('5', code.charAt(i), "digit " + i + " survived: " + code);
        }
        assertEquals("Your code is " + code, message.get("text"));
        assertEquals("Your code is 555555", message.get("originalText"));
    }

    @Test
    void throttlePassesThePerMinuteAllowanceAndFailsTheRestUntilTheNextMinute() {
        String phone = uniquePhone();
        // start at the top of a sandbox minute so that the three messages share it
        Instant now = Instant.parse(given().get("/v1/clock").then().extract().path("now"));
        long toNextMinute = 60_000 - now.toEpochMilli() % 60_000;
        advance("PT" + toNextMinute / 1000.0 + "S");
        addRule("{\"match\":{\"number\":\"" + phone + "\"},\"effect\":{\"type\":\"throttle\",\"perMinute\":2}}");
        assertEquals("delivered", logged(send(connector, phone, "Your code is 600001")).get("status"));
        assertEquals("delivered", logged(send(connector, phone, "Your code is 600002")).get("status"));
        Map<String, Object> third = logged(send(connector, phone, "Your code is 600003"));
        assertEquals("undelivered", third.get("status"));
        assertEquals(30022, third.get("errorCode"));
        advance("PT1M");
        assertEquals("delivered", logged(send(connector, phone, "Your code is 600004")).get("status"));
    }

    @Test
    void logNormalDelaysSpreadAroundTheirMedianAndStayUnderTheCap() {
        String phone = uniquePhone();
        addRule("{\"match\":{\"number\":\"" + phone + "\"},\"effect\":{\"type\":\"delay\",\"delay\":\"PT1M\","
                + "\"distribution\":\"log-normal\",\"sigma\":1.0,\"delayMax\":\"PT5M\"}}");
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Map<String, Object> message = logged(send(connector, phone, "Your code is 700000"));
            delays.add(Duration.between(Instant.parse((String) message.get("acceptedAt")),
                    Instant.parse((String) message.get("deliverAt"))).toMillis());
        }
        assertTrue(delays.stream().distinct().count() > 4, "delays do not spread: " + delays);
        assertTrue(delays.stream().allMatch(d -> d <= 300_000), "over the cap: " + delays);
        assertTrue(delays.stream().anyMatch(d -> d < 60_000) && delays.stream().anyMatch(d -> d > 60_000),
                "not spread on both sides of the median: " + delays);
    }

    @Test
    void aRuleActsFromTheMessageAfterItIsAddedAndStopsOnceDeleted() {
        String phone = uniquePhone();
        assertEquals("delivered", logged(send(connector, phone, "Your code is 800001")).get("status"));
        String rule = addRule("{\"match\":{\"number\":\"" + phone + "\"},\"effect\":{\"type\":\"drop\"}}");
        assertEquals("sent", logged(send(connector, phone, "Your code is 800002")).get("status"));
        given().header("Authorization", TestTokens.ADMIN).delete("/v1/faults/" + rule).then().statusCode(204);
        assertEquals("delivered", logged(send(connector, phone, "Your code is 800003")).get("status"));
    }
}
