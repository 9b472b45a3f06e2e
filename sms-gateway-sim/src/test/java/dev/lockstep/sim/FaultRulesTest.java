package dev.lockstep.sim;

import static dev.lockstep.platform.testing.TestTokens.ADMIN;
import static dev.lockstep.sim.SimFixtures.addRule;
import static dev.lockstep.sim.SimFixtures.advance;
import static dev.lockstep.sim.SimFixtures.logged;
import static dev.lockstep.sim.SimFixtures.send;
import static dev.lockstep.sim.SimFixtures.uniquePhone;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fault rules: deterministic and random effects, windows on the sandbox clock, the seed. */
@QuarkusTest
class FaultRulesTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Test
    void dropTheNextOneLosesExactlyOneMessage() {
        String phone = uniquePhone();
        String rule = addRule("{\"name\":\"lose one\",\"match\":{\"number\":\"" + phone + "\"},"
                + "\"effect\":{\"type\":\"drop\"},\"trigger\":{\"next\":1}}");
        Map<String, Object> lost = logged(send(connector, phone, "Your code is 246810"));
        assertEquals("sent", lost.get("status"));
        assertEquals(rule, lost.get("ruleId"));
        assertEquals("delivered", logged(send(connector, phone, "Your code is 246810")).get("status"));
        given().get("/v1/phones/" + phone + "/messages").then().body("$", hasSize(1));
        Map<String, Object> listed = rules().stream().filter(r -> rule.equals(r.get("id"))).findFirst().orElseThrow();
        assertEquals(1, listed.get("hits"));
        assertEquals(0, ((Map<?, ?>) listed.get("trigger")).get("next"));
    }

    @Test
    void rejectFailsWithTheGivenCodeAndEveryNthPicksItsMessages() {
        String phone = uniquePhone();
        addRule("{\"match\":{\"number\":\"" + phone + "\"},\"effect\":{\"type\":\"reject\",\"errorCode\":21610},"
                + "\"trigger\":{\"everyNth\":2}}");
        List<Object> codes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            codes.add(logged(send(connector, phone, "Your code is 246810")).get("errorCode"));
        }
        assertEquals(Arrays.asList(null, 21610, null, 21610), codes);
    }

    @Test
    void aDelayedMessageArrivesWhenTheSandboxClockGetsThere() {
        String phone = uniquePhone();
        addRule("{\"match\":{\"number\":\"" + phone + "\"},\"effect\":{\"type\":\"delay\",\"delay\":\"P2D\"}}");
        String id = send(connector, phone, "Your code is 246810");
        Map<String, Object> waiting = logged(id);
        assertEquals("sent", waiting.get("status"));
        given().get("/v1/phones/" + phone + "/messages").then().body("$", hasSize(0));

        advance("P2D");
        await().atMost(Duration.ofSeconds(5)).until(
                () -> given().get("/v1/phones/" + phone + "/messages").then().extract().jsonPath().getList("$").size() == 1);
        Map<String, Object> arrived = logged(id);
        assertEquals("delivered", arrived.get("status"));
        assertEquals("246810", arrived.get("code"));
        Duration late = Duration.between(Instant.parse((String) arrived.get("acceptedAt")),
                Instant.parse((String) arrived.get("deliveredAt")));
        assertTrue(late.compareTo(Duration.ofDays(2)) >= 0, "arrived after " + late);
    }

    @Test
    void anOutageWindowEndsOnItsOwn() {
        String phone = uniquePhone();
        String now = given().get("/v1/clock").then().extract().path("now");
        String until = Instant.parse(now).plus(Duration.ofHours(1)).toString();
        addRule("{\"name\":\"outage\",\"match\":{\"number\":\"" + phone + "\"},\"effect\":{\"type\":\"reject\","
                + "\"errorCode\":30008},\"window\":{\"until\":\"" + until + "\"}}");
        assertEquals("failed", logged(send(connector, phone, "Your code is 246810")).get("status"));
        advance("PT61M");
        assertEquals("delivered", logged(send(connector, phone, "Your code is 246810")).get("status"));
    }

    @Test
    void duplicatesArriveTwice() {
        String phone = uniquePhone();
        addRule("{\"match\":{\"number\":\"" + phone + "\"},\"effect\":{\"type\":\"duplicate\"},\"trigger\":{\"next\":1}}");
        String id = send(connector, phone, "Your code is 246810");
        await().atMost(Duration.ofSeconds(5)).until(
                () -> given().get("/v1/phones/" + phone + "/messages").then().extract().jsonPath().getList("$").size() == 2);
        given().get("/v1/phones/" + phone + "/messages").then().body("code", equalTo(List.of("246810", "246810")))
                .body("id", equalTo(List.of(id + "-dup", id)));
    }

    @Test
    void theSameSeedGivesTheSameOutcomesAndAnotherSeedOthers() {
        String phone = uniquePhone();
        List<String> first = randomRun(phone, 42);
        List<String> again = randomRun(phone, 42);
        List<String> other = randomRun(phone, 43);
        assertEquals(first, again);
        assertNotEquals(first, other);
        assertTrue(first.contains("sent") && first.contains("delivered"), first.toString());
    }

    /** Resets the simulator, sets the seed, drops each message to the phone with probability 0.5. */
    private List<String> randomRun(String phone, long seed) {
        given().header("Authorization", ADMIN).post("/v1/reset").then().statusCode(204);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"seed\":" + seed + "}")
                .put("/v1/seed").then().statusCode(200).body("seed", equalTo((int) seed));
        addRule("{\"match\":{\"number\":\"" + phone + "\"},\"effect\":{\"type\":\"drop\"},\"trigger\":{\"probability\":0.5}}");
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            outcomes.add((String) logged(send(connector, phone, "Your code is 246810")).get("status"));
        }
        return outcomes;
    }

    private static List<Map<String, Object>> rules() {
        return given().header("Authorization", ADMIN).get("/v1/faults").then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    @Test
    void rulesAreListedInOrderAndCanBeRemoved() {
        String a = addRule("{\"name\":\"a\",\"match\":{\"prefix\":\"+4420\"},\"effect\":{\"type\":\"drop\"}}");
        String b = addRule("{\"name\":\"b\",\"match\":{\"prefix\":\"+4420\"},\"effect\":{\"type\":\"drop\"}}");
        List<Object> ids = rules().stream().map(r -> r.get("id")).toList();
        assertTrue(ids.indexOf(a) < ids.indexOf(b));
        given().header("Authorization", ADMIN).delete("/v1/faults/" + a).then().statusCode(204);
        given().header("Authorization", ADMIN).delete("/v1/faults/" + a).then().statusCode(404)
                .body("type", equalTo("tag:lockstep.dev,2026:problem:fault-not-found"));
        assertTrue(rules().stream().noneMatch(r -> a.equals(r.get("id"))));
    }

    @Test
    void badRulesAreProblemsAndAddNothing() {
        int before = rules().size();
        given().contentType(ContentType.JSON).body("{\"effect\":{\"type\":\"drop\"}}").post("/v1/faults")
                .then().statusCode(401);
        for (String bad : List.of(
                "{}",
                "{\"effect\":{\"type\":\"explode\"}}",
                "{\"effect\":{\"type\":\"delay\"}}",
                "{\"effect\":{\"type\":\"delay\",\"delay\":\"two days\"}}",
                "{\"effect\":{\"type\":\"delay\",\"delay\":\"P2D\",\"delayMax\":\"P1D\"}}",
                "{\"effect\":{\"type\":\"drop\",\"errorCode\":30003}}",
                "{\"effect\":{\"type\":\"truncate\"}}",
                "{\"effect\":{\"type\":\"truncate\",\"length\":-1}}",
                "{\"effect\":{\"type\":\"throttle\"}}",
                "{\"effect\":{\"type\":\"throttle\",\"perMinute\":2},\"trigger\":{\"next\":1}}",
                "{\"effect\":{\"type\":\"delay\",\"delay\":\"PT1M\",\"distribution\":\"log-normal\"}}",
                "{\"effect\":{\"type\":\"delay\",\"delay\":\"PT1M\",\"distribution\":\"uniform\"}}",
                "{\"effect\":{\"type\":\"delay\",\"delay\":\"PT1M\",\"sigma\":0.5}}",
                "{\"effect\":{\"type\":\"drop\",\"length\":5}}",
                "{\"effect\":{\"type\":\"reorder\",\"delay\":\"soon\"}}",
                "{\"effect\":{\"type\":\"drop\"},\"match\":{\"number\":\"+819012345678\",\"email\":\"a@example.com\"}}",
                "{\"effect\":{\"type\":\"drop\"},\"match\":{\"email\":\"not-an-address\"}}",
                "{\"effect\":{\"type\":\"drop\"},\"trigger\":{\"next\":1,\"probability\":0.5}}",
                "{\"effect\":{\"type\":\"drop\"},\"trigger\":{\"probability\":1.5}}",
                "{\"effect\":{\"type\":\"drop\"},\"match\":{\"number\":\"12345\"}}",
                "{\"effect\":{\"type\":\"drop\"},\"window\":{\"from\":\"2030-01-02T00:00:00Z\",\"until\":\"2030-01-01T00:00:00Z\"}}")) {
            int status = given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(bad)
                    .post("/v1/faults").then().contentType("application/problem+json").extract().statusCode();
            assertEquals(400, status, bad);
        }
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"seed\":\"x\"}")
                .put("/v1/seed").then().statusCode(400);
        assertEquals(before, rules().size());
    }
}
