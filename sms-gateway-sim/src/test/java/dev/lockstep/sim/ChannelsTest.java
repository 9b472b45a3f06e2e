package dev.lockstep.sim;

import static dev.lockstep.platform.testing.TestTokens.ADMIN;
import static dev.lockstep.sim.SimFixtures.addRule;
import static dev.lockstep.sim.SimFixtures.logged;
import static dev.lockstep.sim.SimFixtures.sendViaApi;
import static dev.lockstep.sim.SimFixtures.uniquePhone;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockstep.contracts.Events;
import dev.lockstep.contracts.OutboundMessage;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Voice calls and email beside SMS, one inbox API for all, the send API and the live receipt stream. */
@QuarkusTest
class ChannelsTest {

    private static final AtomicInteger MAILBOXES = new AtomicInteger();

    @Inject
    @Any
    InMemoryConnector connector;

    @TestHTTPResource("/v1/messages/events")
    URL events;

    private static String uniqueMailbox() {
        return "user" + MAILBOXES.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    @Test
    void aCallToALandlineLandsAsAVoiceMessageWithItsSpokenCode() {
        String landline = "+81312345678";
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{}")
                .put("/v1/phones/" + landline).then().statusCode(200).body("lineType", equalTo("fixed-line"));
        Map<String, Object> sms = sendViaApi(landline, "sms", "Your code is 246810");
        assertEquals(30006, sms.get("errorCode"));
        Map<String, Object> call = sendViaApi(landline, "voice", "Your Lockstep code is 2, 4, 6, 8, 1, 0.");
        assertEquals("delivered", call.get("status"));
        given().get("/v1/phones/" + landline + "/messages?channel=voice").then().body("$", hasSize(1))
                .body("[0].code", equalTo("246810")).body("[0].channel", equalTo("voice"));
        given().get("/v1/phones/" + landline + "/messages?channel=sms").then().body("$", hasSize(0));
    }

    @Test
    void emailFromTheIdpLandsInAVirtualMailboxReadThroughTheSameInboxApi() {
        String address = uniqueMailbox();
        String id = UUID.randomUUID().toString();
        connector.source("outbound-messages").send(Events.toJson(Events.envelope("/lockstep/recovery-service", address,
                Instant.now(), "corr-" + id, new OutboundMessage(id, address.toUpperCase(Locale.ROOT), "email",
                        "no-reply@lockstep.dev", "Your recovery code is 13572468", "recovery-code", "acc-1"))));
        await().atMost(Duration.ofSeconds(5)).until(() -> given().get("/v1/mailboxes/" + address + "/messages").then().extract()
                .jsonPath().getList("$").size() == 1);
        given().get("/v1/mailboxes/" + address + "/messages").then()
                .body("[0].to", equalTo(address)).body("[0].code", equalTo("13572468"))
                .body("[0].channel", equalTo("email"));
        given().get("/v1/mailboxes/" + address).then().statusCode(200).body("active", equalTo(true));
    }

    @Test
    void mailToAMissingMailboxBouncesAndWaitingForTheNextMailWorksAsForPhones() {
        String address = uniqueMailbox();
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"active\":false}")
                .put("/v1/mailboxes/" + address).then().statusCode(200).body("active", equalTo(false));
        Map<String, Object> bounced = sendViaApi(address, "email", "Your code is 112233");
        assertEquals("undelivered", bounced.get("status"));
        assertEquals(550, bounced.get("errorCode"));

        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{}")
                .put("/v1/mailboxes/" + address).then().statusCode(200);
        // "after" the bounced mail: the wait sees the next one even if it lands before the wait starts
        CompletableFuture<Map<String, Object>> next = CompletableFuture.supplyAsync(() -> given()
                .get("/v1/mailboxes/" + address + "/messages/next?timeout=PT10S&after=" + bounced.get("id"))
                .then().statusCode(200).extract().jsonPath().getMap("$"));
        sendViaApi(address, "email", "Your code is 445566");
        assertEquals("445566", next.join().get("code"));
    }

    @Test
    void theSendApiTakesAnyChannelAndRefusesBadAddressesWithProblems() {
        given().contentType(ContentType.JSON).body("{\"to\":\"+819012345678\",\"text\":\"hi\"}")
                .post("/v1/messages").then().statusCode(401);
        int before = given().get("/v1/messages?limit=1000").then().extract().jsonPath().getList("$").size();
        for (String bad : List.of(
                "{\"to\":\"12345\",\"text\":\"hi\"}",
                "{\"to\":\"+819012345678\",\"text\":\"\"}",
                "{\"to\":\"+819012345678\",\"text\":\"hi\",\"channel\":\"fax\"}",
                "{\"to\":\"not-an-address\",\"text\":\"hi\",\"channel\":\"email\"}",
                "{\"to\":\"a@example.com\",\"text\":\"hi\",\"channel\":\"sms\"}",
                "{\"to\":\"+819012345678\",\"text\":\"hi\",\"kind\":\"spam\"}",
                "{\"to\":\"+819012345678\",\"text\":" + "\"x".repeat(1) + "x".repeat(2001) + "\"}",
                "{\"to\":42}")) {
            given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(bad).post("/v1/messages")
                    .then().statusCode(400).contentType("application/problem+json");
        }
        assertEquals(before, given().get("/v1/messages?limit=1000").then().extract().jsonPath().getList("$").size());
        given().get("/v1/messages/no-such-id").then().statusCode(404)
                .body("type", equalTo("tag:lockstep.dev,2026:problem:message-not-found"));
        given().get("/v1/messages?status=lost").then().statusCode(400);
        given().get("/v1/messages/events?to=12345").then().statusCode(400).contentType("application/problem+json");
        given().get("/v1/mailboxes/not-an-address/messages").then().statusCode(400)
                .body("type", equalTo("tag:lockstep.dev,2026:problem:invalid-email-address"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"inboxCapacity\":\"lots\"}")
                .put("/v1/mailboxes/" + uniqueMailbox()).then().statusCode(400);
        given().get("/v1/mailboxes/nobody-yet@example.com").then().statusCode(404)
                .body("type", equalTo("tag:lockstep.dev,2026:problem:mailbox-not-found"));
    }

    @Test
    void theCarrierComesFromTheNumberRangeUnlessAnOperatorSetsOne() {
        String phone = "+81901234" + String.format("%04d", MAILBOXES.incrementAndGet()); // a KDDI range
        sendViaApi(phone, "sms", "hello");
        given().get("/v1/phones/" + phone).then().body("carrier", equalTo("KDDI")).body("country", equalTo("JP"));
        String rule = addRule("{\"match\":{\"carrier\":\"KDDI\",\"number\":\"" + phone + "\"},\"effect\":{\"type\":\"drop\"}}");
        assertEquals(rule, sendViaApi(phone, "sms", "Your code is 998877").get("ruleId"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"carrier\":\"Rakuten Mobile\"}")
                .put("/v1/phones/" + phone).then().body("carrier", equalTo("Rakuten Mobile"));
        assertEquals("delivered", sendViaApi(phone, "sms", "Your code is 998877").get("status"));
    }

    @Test
    void receiptsStreamLiveAsServerSentEvents() throws Exception {
        String phone = uniquePhone();
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(events + "?to=" + phone.replace("+", "%2B")))
                .header("Accept", "text/event-stream").build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            CompletableFuture<List<String>> read = CompletableFuture.supplyAsync(() -> readStatusEvents(lines, 3));
            // the stream says it is live before anything is sent
            await().atMost(Duration.ofSeconds(5)).until(() -> subscribedSeen);
            String id = (String) sendViaApi(phone, "sms", "Your code is 135790").get("id");
            List<String> data = read.get(10, TimeUnit.SECONDS);
            assertEquals(3, data.size(), data.toString());
            assertTrue(data.get(0).contains("\"status\":\"queued\"") && data.get(0).contains(id), data.get(0));
            assertTrue(data.get(2).contains("\"status\":\"delivered\""), data.get(2));
            assertEquals("delivered", logged(id).get("status"));
        }
    }

    private volatile boolean subscribedSeen;

    private List<String> readStatusEvents(BufferedReader lines, int wanted) {
        List<String> data = new ArrayList<>();
        try {
            String line;
            boolean status = false;
            while (data.size() < wanted && (line = lines.readLine()) != null) {
                if (line.startsWith(":")) {
                    subscribedSeen = true;
                } else if (line.equals("event: status") || line.equals("event:status")) {
                    status = true;
                } else if (line.startsWith("data:") && status) {
                    data.add(line.substring(5).trim());
                    status = false;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return data;
    }
}
