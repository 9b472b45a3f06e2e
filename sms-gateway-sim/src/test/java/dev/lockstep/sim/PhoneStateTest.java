package dev.lockstep.sim;

import static dev.lockstep.platform.testing.InMemoryEvents.outbox;
import static dev.lockstep.platform.testing.TestTokens.ADMIN;
import static dev.lockstep.sim.SimFixtures.logged;
import static dev.lockstep.sim.SimFixtures.send;
import static dev.lockstep.sim.SimFixtures.uniquePhone;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lockstep.contracts.Events;
import dev.lockstep.contracts.MessageStatusChanged;
import dev.lockstep.contracts.PhoneStateChanged;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Phone state alone decides the outcome, with the carrier codes developers know. */
@QuarkusTest
class PhoneStateTest {

    @Inject
    @Any
    InMemoryConnector connector;

    private static void put(String phone, String state) {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(state)
                .put("/v1/phones/" + phone).then().statusCode(200);
    }

    private List<MessageStatusChanged> receipts(String messageId) {
        return outbox().received().stream().map(m -> Events.fromJson(m.getPayload()))
                .filter(e -> Events.is(e, MessageStatusChanged.class))
                .map(e -> Events.body(e, MessageStatusChanged.class))
                .filter(r -> r.messageId().equals(messageId)).toList();
    }

    static List<Arguments> states() {
        return List.of(
                Arguments.of("{\"sim\":\"cancelled\"}", 30005),
                Arguments.of("{\"handset\":\"off\"}", 30003),
                Arguments.of("{\"signal\":\"none\"}", 30003),
                Arguments.of("{\"roaming\":\"ES\",\"smsFilter\":\"international\"}", 30007),
                Arguments.of("{\"smsFilter\":\"alphanumeric\"}", 30007));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("states")
    void aPhoneInThisStateNeverShowsTheMessage(String state, int errorCode) {
        String phone = uniquePhone();
        put(phone, state);
        String id = send(connector, phone, "Your code is 123456");

        Map<String, Object> entry = logged(id);
        assertEquals("undelivered", entry.get("status"));
        assertEquals(errorCode, entry.get("errorCode"));
        given().get("/v1/phones/" + phone + "/messages").then().body("$", hasSize(0));
        await().atMost(Duration.ofSeconds(5)).until(() -> receipts(id).size() == 3);
        assertEquals(List.of("queued", "sent", "undelivered"),
                receipts(id).stream().map(MessageStatusChanged::status).toList());
        assertEquals(errorCode, receipts(id).get(2).errorCode());
    }

    @Test
    void optedOutAndSmsIncapablePhonesFailBeforeSending() {
        String optedOut = uniquePhone();
        put(optedOut, "{\"optedOut\":true}");
        Map<String, Object> refused = logged(send(connector, optedOut, "Your code is 123456"));
        assertEquals("failed", refused.get("status"));
        assertEquals(21610, refused.get("errorCode"));
        String dataOnly = uniquePhone();
        put(dataOnly, "{\"smsCapable\":false}");
        assertEquals(21614, logged(send(connector, dataOnly, "Your code is 123456")).get("errorCode"));
    }

    @Test
    void aLandlineFailsWithoutBeingSent() {
        String landline = "+81312345678";
        String id = send(connector, landline, "Your code is 123456");
        Map<String, Object> entry = logged(id);
        assertEquals("failed", entry.get("status"));
        assertEquals(30006, entry.get("errorCode"));
        given().get("/v1/phones/" + landline).then().body("lineType", equalTo("fixed-line"));
    }

    @Test
    void aFullHandsetRefusesTheNextMessageAndRepairedPhonesReceiveAgain() {
        String phone = uniquePhone();
        put(phone, "{\"inboxCapacity\":1}");
        assertEquals("delivered", logged(send(connector, phone, "Your code is 123456")).get("status"));
        assertEquals(30008, logged(send(connector, phone, "Your code is 123456")).get("errorCode"));

        put(phone, "{}");
        assertEquals("delivered", logged(send(connector, phone, "Your code is 123456")).get("status"));
        given().get("/v1/phones/" + phone + "/messages").then().body("$", hasSize(2));
    }

    @Test
    void stateChangesArePublishedAndShown() {
        String phone = uniquePhone();
        put(phone, "{\"sim\":\"swapped\",\"roaming\":\"es\",\"carrier\":\"au\"}");
        given().get("/v1/phones/" + phone).then().statusCode(200)
                .body("sim", equalTo("swapped")).body("roaming", equalTo("ES")).body("country", equalTo("JP"))
                .body("handset", equalTo("on")).body("carrier", equalTo("au"));
        await().atMost(Duration.ofSeconds(5)).until(() -> outbox().received().stream()
                .map(m -> Events.fromJson(m.getPayload())).anyMatch(e -> Events.is(e, PhoneStateChanged.class)
                        && phone.equals(e.subject())));
        PhoneStateChanged changed = outbox().received().stream().map(m -> Events.fromJson(m.getPayload()))
                .filter(e -> Events.is(e, PhoneStateChanged.class)).map(e -> Events.body(e, PhoneStateChanged.class))
                .filter(c -> c.phone().equals(phone)).findFirst().orElseThrow();
        assertEquals("swapped", changed.sim());
    }

    @Test
    void badPhoneStatesAreProblemsAndChangeNothing() {
        String phone = uniquePhone();
        put(phone, "{\"handset\":\"off\"}");
        given().contentType(ContentType.JSON).body("{\"sim\":\"cancelled\"}").put("/v1/phones/" + phone)
                .then().statusCode(401);
        for (String bad : List.of("{\"sim\":\"broken\"}", "{\"roaming\":\"Spain\"}", "{\"roaming\":\"XX\"}",
                "{\"inboxCapacity\":-1}")) {
            given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(bad)
                    .put("/v1/phones/" + phone).then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("tag:lockstep.dev,2026:problem:invalid-request"));
        }
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"inboxCapacity\":\"many\"}")
                .put("/v1/phones/" + phone).then().statusCode(400)
                .body("type", equalTo("tag:lockstep.dev,2026:problem:invalid-field"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{}")
                .put("/v1/phones/12345").then().statusCode(400)
                .body("type", equalTo("tag:lockstep.dev,2026:problem:invalid-phone-number"));
        given().get("/v1/phones/" + phone).then().body("handset", equalTo("off")).body("sim", equalTo("active"));
        given().get("/v1/phones/" + uniquePhone()).then().statusCode(404)
                .body("type", equalTo("tag:lockstep.dev,2026:problem:phone-not-found"));
    }
}
