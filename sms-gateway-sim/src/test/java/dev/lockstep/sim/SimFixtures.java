package dev.lockstep.sim;

import static dev.lockstep.platform.testing.TestTokens.ADMIN;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.matchesPattern;

import dev.lockstep.contracts.Events;
import dev.lockstep.contracts.OutboundMessage;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Object mother for simulator tests: unique phones, outbound messages, the delivery log. */
final class SimFixtures {

    private static final AtomicInteger PHONES = new AtomicInteger(1000);

    private SimFixtures() {
    }

    /** A Japanese mobile number no other test in this run uses. */
    static String uniquePhone() {
        return "+8190" + String.format("%04d", PHONES.incrementAndGet()) + "1234";
    }

    /** Puts an outbound SMS on the simulator's incoming channel, as otp-service would; returns its id. */
    static String send(InMemoryConnector connector, String phone, String text) {
        String messageId = UUID.randomUUID().toString();
        connector.source("outbound-messages").send(Events.toJson(Events.envelope("/lockstep/otp-service", phone,
                Instant.now(), "corr-" + messageId,
                new OutboundMessage(messageId, phone, "sms", "Lockstep", text, "login-code", "acc-1"))));
        return messageId;
    }

    /** Sends through the simulator's own API ({@code POST /v1/messages}); returns the logged message. */
    static Map<String, Object> sendViaApi(String to, String channel, String text) {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("to", to, "channel", channel, "text", text))
                .post("/v1/messages").then().statusCode(201)
                .header("Server-Timing", matchesPattern("rules;dur=[0-9]+\\.[0-9]{3};desc=.*"))
                .extract().jsonPath().getMap("$");
    }

    /** Adds a fault rule; returns its id. */
    static String addRule(String json) {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(json)
                .post("/v1/faults").then().statusCode(201).extract().path("id");
    }

    /** Moves the sandbox clock, e.g. {@code PT1M}. */
    static void advance(String amount) {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"advance\":\"" + amount + "\"}")
                .post("/v1/clock").then().statusCode(200);
    }

    /** What the address's inbox shows, newest first. */
    static List<Map<String, Object>> inbox(String phone) {
        return given().get("/v1/phones/" + phone + "/messages").then().statusCode(200).extract().jsonPath().getList("$");
    }

    /** Waits until the message is in the delivery log and returns its entry. */
    static Map<String, Object> logged(String messageId) {
        await().atMost(Duration.ofSeconds(5)).until(() -> given().get("/v1/messages?limit=1000").then().extract()
                .jsonPath().getList("id").contains(messageId));
        List<Map<String, Object>> log = given().get("/v1/messages?limit=1000").then().extract().jsonPath().getList("$");
        return log.stream().filter(m -> messageId.equals(m.get("id"))).findFirst().orElseThrow();
    }
}
