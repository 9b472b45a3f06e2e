package dev.lockstep.sim;

import static dev.lockstep.platform.testing.TestTokens.ADMIN;
import static dev.lockstep.sim.SimFixtures.addRule;
import static dev.lockstep.sim.SimFixtures.inbox;
import static dev.lockstep.sim.SimFixtures.logged;
import static dev.lockstep.sim.SimFixtures.send;
import static dev.lockstep.sim.SimFixtures.uniquePhone;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.lockstep.contracts.Events;
import dev.lockstep.contracts.OutboundMessage;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** What the console stands on: its page, the timeline, switching fault rules, the shipped scenarios. */
@QuarkusTest
class ConsoleTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Test
    void theConsoleIsServedFromThisServiceWithNothingFromElsewhere() {
        String page = given().get("/console/index.html").then().statusCode(200).extract().asString();
        assertFalse(page.matches("(?s).*(src|href)=\"(https?:)?//.*"), "every asset is local");
        given().get("/console/console.js").then().statusCode(200).body(containsString("EventSource"));
        given().get("/console/console.css").then().statusCode(200);
        given().redirects().follow(false).get("/console").then().statusCode(303)
                .header("Location", Matchers.endsWith("/console/index.html"));
    }

    @Test
    void theTimelineKeepsEveryEventButNeverAMessagesText() {
        String correlation = UUID.randomUUID().toString();
        String phone = uniquePhone();
        connector.source("timeline").send(Events.toJson(Events.envelope("/lockstep/otp-service", phone, Instant.now(),
                correlation, new OutboundMessage("m-" + correlation, phone, "sms", "Lockstep", "Your code is 482913",
                        "login-code", "a1"))));
        await().atMost(Duration.ofSeconds(5)).until(
                () -> !given().queryParam("correlationId", correlation).get("/v1/timeline").jsonPath().getList("$").isEmpty());
        String shown = given().queryParam("correlationId", correlation).get("/v1/timeline").then().statusCode(200)
                .body("[0].event.type", equalTo("lockstep.message.outbound.v1")).extract().asString();
        assertFalse(shown.contains("482913"), "the code is read in the inbox only: " + shown);
        given().queryParam("correlationId", "not allowed!").get("/v1/timeline").then().statusCode(400);
    }

    private static void settlesAs(String messageId, String status) {
        await().atMost(Duration.ofSeconds(5)).until(() -> status.equals(logged(messageId).get("status")));
    }

    @Test
    void aSwitchedOffRuleLetsMessagesThroughAndKeepsItsCounts() {
        String phone = uniquePhone();
        String rule = addRule("{\"match\":{\"number\":\"" + phone + "\"},\"effect\":{\"type\":\"drop\"}}");
        assertEquals(rule, logged(send(connector, phone, "Your code is 111111")).get("ruleId"), "lost by the rule");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("enabled", false))
                .put("/v1/faults/" + rule + "/enabled").then().statusCode(200).body("enabled", equalTo(false))
                .body("hits", equalTo(1));
        settlesAs(send(connector, phone, "Your code is 222222"), "delivered");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("enabled", true))
                .put("/v1/faults/" + rule + "/enabled").then().statusCode(200);
        assertEquals(rule, logged(send(connector, phone, "Your code is 333333")).get("ruleId"), "lost again");
        assertEquals(1, inbox(phone).size());
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("enabled", true))
                .put("/v1/faults/" + UUID.randomUUID() + "/enabled").then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("enabled", true)).put("/v1/faults/" + rule + "/enabled")
                .then().statusCode(401);
    }

    @Test
    void theShippedScenariosAreListedAndTheConsoleCannotReachInternalApis() {
        given().header("Authorization", ADMIN).get("/v1/scenarios").then().statusCode(200)
                .body("name", hasItems("happy-path", "s0-locked-and-no-code", "s3-new-pc-no-sms-abroad"));
        given().header("Authorization", ADMIN).get("/v1/scenarios/s3-new-pc-no-sms-abroad.yaml").then().statusCode(200)
                .body(containsString("smsFilter: alphanumeric"));
        given().header("Authorization", ADMIN).get("/v1/scenarios/..%2Fapplication.properties").then().statusCode(404);
        given().get("/v1/scenarios").then().statusCode(401);
        given().header("Authorization", ADMIN).get("/v1/console/auth/v1/internal/accounts/by-username/x").then()
                .statusCode(404);
        given().get("/v1/console/nowhere/v1/anything").then().statusCode(404);
    }
}
