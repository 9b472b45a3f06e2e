package dev.lockstep.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockstep.e2e.support.Backbone;
import dev.lockstep.e2e.support.Lockstep;
import dev.lockstep.e2e.support.SharedSandbox;
import dev.lockstep.launcher.Service;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Events delivered twice and out of order: a story that touches every topic — a login with an SMS
 * code, a waiting-period recovery with a code to a new number, a move of the sandbox clock — runs
 * to its end; then every record it put on the backbone is published again, newest first. Once every
 * consumer has read them all, nothing an operator or the owner can see has changed: no text sent
 * twice, no second case, no clock moved back, the account and its sessions as they were.
 */
@ExtendWith(SharedSandbox.class)
@Order(27)
class EventReplayIT {

    @Test
    void everyEventDeliveredAgainNewestFirstChangesNothing() throws Exception {
        long since = System.currentTimeMillis();
        Lockstep.Account account = Lockstep.newAccount("replay-" + UUID.randomUUID().toString().substring(0, 8)
                + "@example.com");
        String challenge = Lockstep.challenge(account);
        assertEquals(200, Lockstep.verify(challenge, Lockstep.nthCode(account.phone(), 1)).statusCode());
        String recoveryPhone = Lockstep.uniquePhone();
        Response started = given().contentType(ContentType.JSON).body(Map.of("username", account.username(),
                "trustedPhone", account.phone(), "recoveryPhone", recoveryPhone))
                .post(SharedSandbox.url(Service.RECOVERY) + "/v1/recovery/cases");
        assertEquals(201, started.statusCode(), started.asString());
        String code = recoveryCode(recoveryPhone);
        given().contentType(ContentType.JSON).body(Map.of("code", code))
                .post(SharedSandbox.url(Service.RECOVERY) + "/v1/recovery/cases/" + started.path("caseId")
                        + "/verify-contact")
                .then().statusCode(200);
        SharedSandbox.client().advanceClock(Duration.ofHours(1));
        SharedSandbox.client().awaitClock(Duration.ofSeconds(30));
        awaitConsumersCaughtUp();
        Map<String, Object> before = whatOperatorsSee(account, recoveryPhone);

        int replayed = replayNewestFirst(since);
        assertTrue(replayed >= 10, "the story put its events on the backbone: " + replayed);
        awaitConsumersCaughtUp();

        assertEquals(before, whatOperatorsSee(account, recoveryPhone));
    }

    private static String recoveryCode(String phone) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !Lockstep.inbox(phone).isEmpty());
        Matcher digits = Pattern.compile("\\b(\\d{6})\\b").matcher(String.valueOf(Lockstep.inbox(phone).get(0).get("text")));
        assertTrue(digits.find());
        return digits.group(1);
    }

    /** The account, its sessions and cases, both phones' logs and inboxes, and every service's clock. */
    private static Map<String, Object> whatOperatorsSee(Lockstep.Account account, String recoveryPhone) {
        String admin = Lockstep.admin();
        Map<String, Object> seen = new LinkedHashMap<>();
        Map<String, Object> view = given().header("Authorization", admin)
                .get(SharedSandbox.url(Service.AUTH) + "/v1/admin/accounts/" + account.username()).then().statusCode(200)
                .extract().jsonPath().getMap("$");
        seen.put("account", view);
        seen.put("sessions", given().header("Authorization", admin).get(SharedSandbox.url(Service.AUTH)
                + "/v1/admin/accounts/" + account.username() + "/sessions").then().statusCode(200).extract().asString());
        seen.put("cases", given().header("Authorization", admin).get(SharedSandbox.url(Service.RECOVERY)
                + "/v1/admin/recovery/cases").then().statusCode(200).extract().jsonPath().getList("findAll { it.username == '"
                        + account.username() + "' }"));
        seen.put("factors", given().header("Authorization", admin).get(SharedSandbox.url(Service.OTP)
                + "/v1/admin/accounts/" + account.id() + "/phones").then().statusCode(200).extract().asString());
        for (String phone : List.of(account.phone(), recoveryPhone)) {
            seen.put("log " + phone, Lockstep.deliveryLog(phone));
            seen.put("inbox " + phone, Lockstep.inbox(phone));
        }
        for (Service service : Service.values()) {
            Map<String, Object> clock = new HashMap<>(given().get(SharedSandbox.url(service) + "/v1/clock").then()
                    .statusCode(200).extract().jsonPath().getMap("$"));
            clock.remove("now");
            seen.put("clock " + service, clock);
        }
        return seen;
    }

    /** Publishes every record written since {@code since} again, newest first, same key, value and headers. */
    private static int replayNewestFirst(long since) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>(Backbone.recordsSince(since));
        Collections.reverse(records);
        Backbone.publish(records, value -> value);
        return records.size();
    }

    private static void awaitConsumersCaughtUp() {
        Backbone.awaitConsumersCaughtUp();
    }
}
