package dev.lockstep.sim;

import static dev.lockstep.platform.testing.InMemoryEvents.outbox;
import static dev.lockstep.platform.testing.TestTokens.ADMIN;
import static dev.lockstep.sim.SimFixtures.send;
import static dev.lockstep.sim.SimFixtures.uniquePhone;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockstep.contracts.ClockChanged;
import dev.lockstep.contracts.CloudEvent;
import dev.lockstep.contracts.Events;
import dev.lockstep.contracts.MessageStatusChanged;
import dev.lockstep.contracts.OutboundMessage;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SimulatorApiTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Test
    void anOutboundMessageLandsInTheInboxWithItsCodeAndReceipts() {
        String phone = uniquePhone();
        String id = send(connector, phone, "Your Lockstep code is 402913. It expires in 10 minutes.");

        await().atMost(Duration.ofSeconds(5)).until(
                () -> given().get("/v1/phones/" + phone + "/messages").then().extract().jsonPath().getList("$").size() == 1);
        given().get("/v1/phones/" + phone + "/messages").then().statusCode(200)
                .body("[0].id", equalTo(id)).body("[0].code", equalTo("402913"))
                .body("[0].status", equalTo("delivered")).body("[0].sender", equalTo("Lockstep"))
                .body("[0].channel", equalTo("sms")).body("[0].correlationId", equalTo("corr-" + id));

        await().atMost(Duration.ofSeconds(5)).until(() -> statuses(phone).size() == 3);
        assertEquals(List.of("queued", "sent", "delivered"), statuses(phone));
        assertTrue(outbox().received().stream()
                .allMatch(m -> phone.equals(m.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow().getKey())));
    }

    private List<String> statuses(String phone) {
        return outbox().received().stream()
                .map(m -> Events.fromJson(m.getPayload()))
                .filter(e -> Events.is(e, MessageStatusChanged.class))
                .map(e -> Events.body(e, MessageStatusChanged.class))
                .filter(s -> s.to().equals(phone))
                .map(MessageStatusChanged::status)
                .toList();
    }

    @Test
    void theInboxIsNewestFirstAndARedeliveryAddsNothing() {
        String phone = uniquePhone();
        String messageId = UUID.randomUUID().toString();
        String event = Events.toJson(Events.envelope("/lockstep/otp-service", phone, Instant.now(), null,
                new OutboundMessage(messageId, phone, "sms", "Lockstep", "code 111111", "login-code", "a")));
        connector.source("outbound-messages").send(event);
        connector.source("outbound-messages").send(event);
        String second = send(connector, phone, "code 222222");
        await().atMost(Duration.ofSeconds(5)).until(
                () -> given().get("/v1/phones/" + phone + "/messages").then().extract().jsonPath().getList("$").size() >= 2);
        given().get("/v1/phones/" + phone + "/messages").then()
                .body("$", hasSize(2)).body("[0].id", equalTo(second)).body("[1].code", equalTo("111111"));
    }

    @Test
    void longPollReturnsTheNextMessageAsItArrives() throws Exception {
        String phone = uniquePhone();
        String first = send(connector, phone, "Your Lockstep code is 777001.");
        await().atMost(Duration.ofSeconds(5)).until(
                () -> given().get("/v1/phones/" + phone + "/messages").then().extract().jsonPath().getList("$").size() == 1);

        // Nothing newer yet: the wait gives up with 204.
        given().get("/v1/phones/" + phone + "/messages/next?timeout=PT0.3S&after=" + first).then().statusCode(204);

        // Waiting while the next message comes in: whether the wait registers before or after it
        // arrives, "after" makes the answer the same.
        CompletableFuture<Response> waiting = CompletableFuture
                .supplyAsync(() -> given().get("/v1/phones/" + phone + "/messages/next?timeout=PT20S&after=" + first));
        String second = send(connector, phone, "Your Lockstep code is 777002.");
        Response response = waiting.get(25, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode());
        assertEquals(second, response.path("id"));
        assertEquals("777002", response.path("code"));

        // Already there: returned at once.
        given().get("/v1/phones/" + phone + "/messages/next?timeout=PT1S&after=" + first).then().statusCode(200)
                .body("id", equalTo(second));
    }

    @Test
    void badInboxQueriesAreProblems() {
        given().get("/v1/phones/12345/messages").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("tag:lockstep.dev,2026:problem:invalid-phone-number"));
        given().get("/v1/phones/" + uniquePhone() + "/messages?since=yesterday").then().statusCode(400)
                .body("type", equalTo("tag:lockstep.dev,2026:problem:invalid-query"));
        given().get("/v1/phones/" + uniquePhone() + "/messages/next?timeout=PT5M").then().statusCode(400);
        given().get("/v1/phones/" + uniquePhone() + "/messages/next?after=" + UUID.randomUUID()).then().statusCode(404)
                .body("type", equalTo("tag:lockstep.dev,2026:problem:message-not-found"));
        given().get("/v1/phones/" + uniquePhone() + "/messages").then().statusCode(200).body("$", hasSize(0));
        given().get("/v1/no-such-thing").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void advancingTheClockMovesVirtualTimeAndTellsEveryService() {
        Instant before = Instant.parse(given().get("/v1/clock").then().statusCode(200).extract().path("now"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"advance\":\"P3D\"}")
                .post("/v1/clock").then().statusCode(200);
        Instant after = Instant.parse(given().get("/v1/clock").then().extract().path("now"));
        Duration moved = Duration.between(before, after);
        assertTrue(moved.compareTo(Duration.ofDays(3)) >= 0 && moved.compareTo(Duration.ofDays(3).plusSeconds(5)) < 0,
                "moved " + moved);

        await().atMost(Duration.ofSeconds(5)).until(() -> outbox().received().stream()
                .anyMatch(m -> "lockstep.sandbox.clock".equals(
                        m.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow().getTopic())));
        CloudEvent event = outbox().received().stream().map(m -> Events.fromJson(m.getPayload()))
                .filter(e -> Events.is(e, ClockChanged.class)).reduce((a, b) -> b).orElseThrow();
        assertEquals("sandbox", event.subject());

        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"freeze\":true}")
                .post("/v1/clock").then().statusCode(200).body("frozen", equalTo(true));
        String frozenAt = given().get("/v1/clock").then().extract().path("now");
        given().get("/v1/clock").then().body("now", equalTo(frozenAt));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"set\":\"2030-01-01T00:00:00Z\"}")
                .post("/v1/clock").then().statusCode(200).body("now", equalTo("2030-01-01T00:00:00Z"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"freeze\":false}")
                .post("/v1/clock").then().statusCode(200).body("frozen", equalTo(false));
    }

    @Test
    void clockChangesNeedTheAdminTokenAndExactlyOneWellFormedChange() {
        String before = given().get("/v1/clock").then().extract().path("offset");
        given().contentType(ContentType.JSON).body("{\"advance\":\"P1D\"}").post("/v1/clock").then().statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer realm=\"lockstep-admin\""));
        bad("{\"advance\":\"three days\"}", "invalid-clock-change");
        bad("{\"advance\":\"P1D\",\"freeze\":true}", "invalid-clock-change");
        bad("{}", "invalid-clock-change");
        bad("{\"freeze\":\"yes\"}", "invalid-field");
        bad("{\"set\":\"tomorrow\"}", "invalid-field");
        bad("{\"advance\":", "malformed-json");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("x".repeat(20_000))
                .post("/v1/clock").then().statusCode(413)
                .body("type", equalTo("tag:lockstep.dev,2026:problem:body-too-large"));
        given().header("Authorization", ADMIN).contentType(ContentType.TEXT).body("P1D")
                .post("/v1/clock").then().statusCode(415).contentType("application/problem+json");
        given().get("/v1/clock").then().body("offset", equalTo(before));
    }

    @Test
    void aScenarioFileOver16KiBIsRefusedBeforeItIsParsed() {
        String huge = "name: huge\nstory: >\n" + ("  " + "x".repeat(70) + "\n").repeat(300);
        given().header("Authorization", ADMIN).contentType("application/yaml")
                .body(huge.getBytes(StandardCharsets.UTF_8))
                .post("/v1/scenarios").then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("tag:lockstep.dev,2026:problem:body-too-large"));
    }

    private static void bad(String body, String slug) {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body)
                .post("/v1/clock").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("tag:lockstep.dev,2026:problem:" + slug));
    }
}
