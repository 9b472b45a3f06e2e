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
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** "The code never arrives" because of the phone itself, and what the delivery log says about it. */
@ExtendWith(SharedSandbox.class)
@Order(5)
class PhoneStateIT {

    private static void setPhone(String phone, String state) {
        given().header("Authorization", Lockstep.admin()).contentType(ContentType.JSON).body(state)
                .put(SharedSandbox.url(Service.SIM) + "/v1/phones/" + phone).then().statusCode(200);
    }

    @Test
    void aCancelledSimGetsNoCodeUntilTheNumberIsBackInService() {
        Lockstep.Account account = newAccount();
        setPhone(account.phone(), "{\"sim\":\"cancelled\"}");

        String challengeId = challenge(account);
        await().atMost(Duration.ofSeconds(30)).until(() -> !deliveryLog(account.phone()).isEmpty());
        Map<String, Object> lost = deliveryLog(account.phone()).get(0);
        assertEquals("undelivered", lost.get("status"));
        assertEquals(30005, lost.get("errorCode"));
        assertTrue(inbox(account.phone()).isEmpty(), "a cancelled SIM showed a message");

        setPhone(account.phone(), "{}");
        assertEquals(202, send(challengeId).statusCode());
        String code = nthCode(account.phone(), 1);
        assertEquals(200, verify(challengeId, code).statusCode());
    }

    @Test
    void roamingBehindACarrierFilterLosesEveryCode() {
        Lockstep.Account account = newAccount();
        setPhone(account.phone(), "{\"roaming\":\"ES\",\"smsFilter\":\"international\"}");
        String challengeId = challenge(account);
        send(challengeId);
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveryLog(account.phone()).size() == 2);
        for (Map<String, Object> message : deliveryLog(account.phone())) {
            assertEquals(30007, message.get("errorCode"));
        }
        assertTrue(inbox(account.phone()).isEmpty());
    }
}
