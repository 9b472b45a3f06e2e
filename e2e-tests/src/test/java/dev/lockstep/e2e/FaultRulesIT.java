package dev.lockstep.e2e;

import static dev.lockstep.e2e.support.Lockstep.challenge;
import static dev.lockstep.e2e.support.Lockstep.deliveryLog;
import static dev.lockstep.e2e.support.Lockstep.inbox;
import static dev.lockstep.e2e.support.Lockstep.newAccount;
import static dev.lockstep.e2e.support.Lockstep.nthCode;
import static dev.lockstep.e2e.support.Lockstep.send;
import static dev.lockstep.e2e.support.Lockstep.verify;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockstep.e2e.support.Lockstep;
import dev.lockstep.e2e.support.SharedSandbox;
import dev.lockstep.launcher.Service;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Fault rules on the real broker: the code that never arrives, and the code that arrives too late. */
@ExtendWith(SharedSandbox.class)
@Order(6)
class FaultRulesIT {

    private static void addRule(String json) {
        given().header("Authorization", Lockstep.admin()).contentType(ContentType.JSON).body(json)
                .post(SharedSandbox.url(Service.SIM) + "/v1/faults").then().statusCode(201);
    }

    @Test
    void droppingTheNextCodeLosesExactlyOneAndTheResendArrives() {
        Lockstep.Account account = newAccount();
        addRule("{\"match\":{\"number\":\"" + account.phone() + "\",\"kind\":\"login-code\"},"
                + "\"effect\":{\"type\":\"drop\"},\"trigger\":{\"next\":1}}");
        String challengeId = challenge(account);
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveryLog(account.phone()).size() == 1);
        assertTrue(inbox(account.phone()).isEmpty());

        assertEquals(202, send(challengeId).statusCode());
        String code = nthCode(account.phone(), 1);
        assertEquals(200, verify(challengeId, code).statusCode());
        assertEquals(1, inbox(account.phone()).size());
        assertEquals("sent", deliveryLog(account.phone()).get(1).get("status"));
    }

    @Test
    void aCodeDelayedTwoDaysArrivesAfterTheClockMovesAndIsRefusedAsExpired() {
        Lockstep.Account account = newAccount();
        addRule("{\"match\":{\"number\":\"" + account.phone() + "\"},\"effect\":{\"type\":\"delay\",\"delay\":\"P2D\"}}");
        String challengeId = challenge(account);
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveryLog(account.phone()).size() == 1);
        assertTrue(inbox(account.phone()).isEmpty());

        given().header("Authorization", Lockstep.admin()).contentType(ContentType.JSON).body("{\"advance\":\"P2D\"}")
                .post(SharedSandbox.url(Service.SIM) + "/v1/clock").then().statusCode(200);
        String late = nthCode(account.phone(), 1);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> given().get(SharedSandbox.url(Service.AUTH) + "/v1/clock").jsonPath().getLong(
                        "revision") == given().get(SharedSandbox.url(Service.SIM) + "/v1/clock").jsonPath().getLong("revision")
                        && given().get(SharedSandbox.url(Service.OTP) + "/v1/clock").jsonPath().getLong("revision") == given()
                                .get(SharedSandbox.url(Service.SIM) + "/v1/clock").jsonPath().getLong("revision"));
        Response refused = verify(challengeId, late);
        assertTrue(refused.statusCode() == 410, refused.asString());
    }

    @Test
    void anOutageUntilAVirtualTimeEndsOnItsOwn() {
        Lockstep.Account account = newAccount();
        String now = given().get(SharedSandbox.url(Service.SIM) + "/v1/clock").path("now");
        String until = Instant.parse(now).plus(Duration.ofHours(1)).toString();
        addRule("{\"name\":\"outage\",\"match\":{\"number\":\"" + account.phone() + "\"},"
                + "\"effect\":{\"type\":\"reject\",\"errorCode\":30008},\"window\":{\"until\":\"" + until + "\"}}");
        String challengeId = challenge(account);
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveryLog(account.phone()).size() == 1);
        assertEquals("failed", deliveryLog(account.phone()).get(0).get("status"));

        given().header("Authorization", Lockstep.admin()).contentType(ContentType.JSON).body("{\"advance\":\"PT61M\"}")
                .post(SharedSandbox.url(Service.SIM) + "/v1/clock").then().statusCode(200);
        String fresh = Lockstep.challenge(account);
        String code = nthCode(account.phone(), 1);
        assertEquals(200, verify(fresh, code).statusCode());
        assertTrue(!challengeId.equals(fresh));
    }

    @Test
    void theSameSeedGivesTheSameDeliveryLogTwice() {
        // random draws depend on seed, number and place: a fixed number makes the mix below certain
        Lockstep.Account account = Lockstep.newAccount("+819020262026", null);
        List<String> first = seededRun(account, 2026);
        List<String> again = seededRun(account, 2026);
        assertEquals(first, again);
        assertTrue(first.contains("sent") && first.contains("delivered"), first.toString());
    }

    /**
     * From a reset simulator (as a scenario starts), five codes to the account's phone, each dropped
     * with probability one half under the given seed; returns the statuses in order.
     */
    private static List<String> seededRun(Lockstep.Account account, long seed) {
        given().header("Authorization", Lockstep.admin()).post(SharedSandbox.url(Service.SIM) + "/v1/reset")
                .then().statusCode(204);
        given().header("Authorization", Lockstep.admin()).contentType(ContentType.JSON).body("{\"seed\":" + seed + "}")
                .put(SharedSandbox.url(Service.SIM) + "/v1/seed").then().statusCode(200);
        addRule("{\"match\":{\"number\":\"" + account.phone() + "\"},\"effect\":{\"type\":\"drop\"},"
                + "\"trigger\":{\"probability\":0.5}}");
        String challengeId = challenge(account);
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveryLog(account.phone()).size() == 1);
        for (int i = 2; i <= 5; i++) {
            send(challengeId);
            int expected = i;
            await().atMost(Duration.ofSeconds(30)).until(() -> deliveryLog(account.phone()).size() == expected);
        }
        List<Map<String, Object>> log = new ArrayList<>(deliveryLog(account.phone()));
        Collections.reverse(log);
        return log.stream().map(m -> (String) m.get("status")).toList();
    }
}
