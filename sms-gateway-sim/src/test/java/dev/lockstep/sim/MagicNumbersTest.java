package dev.lockstep.sim;

import static dev.lockstep.platform.testing.TestTokens.ADMIN;
import static dev.lockstep.sim.SimFixtures.addRule;
import static dev.lockstep.sim.SimFixtures.advance;
import static dev.lockstep.sim.SimFixtures.inbox;
import static dev.lockstep.sim.SimFixtures.logged;
import static dev.lockstep.sim.SimFixtures.sendViaApi;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Numbers that fail (or succeed) in a fixed way with no setup. */
@QuarkusTest
class MagicNumbersTest {

    @ParameterizedTest(name = "{0} ends {1} with {2}")
    @CsvSource({
            "+15005550101, undelivered, 30003",
            "+15005550102, undelivered, 30005",
            "+15005550103, undelivered, 30007",
            "+15005550104, failed, 30006",
            "+15005550105, undelivered, 30008",
            "+15005550106, undelivered, 30003",
            "+15005550004, failed, 21610",
            "+15005550009, failed, 21614" })
    void aStateNumberFailsWithItsCodeAtOnce(String number, String status, int errorCode) {
        Map<String, Object> message = sendViaApi(number, "sms", "Your code is 123456");
        assertEquals(status, message.get("status"));
        assertEquals(errorCode, message.get("errorCode"));
        given().get("/v1/phones/" + number).then().body("magic", Matchers.notNullValue());
    }

    @Test
    void theAlwaysDeliveredNumberIgnoresEveryRule() {
        String number = "+15005550100";
        addRule("{\"match\":{\"number\":\"" + number + "\"},\"effect\":{\"type\":\"drop\"}}");
        Map<String, Object> message = sendViaApi(number, "sms", "Your code is 123456");
        assertEquals("delivered", message.get("status"));
        assertEquals("magic:" + number, message.get("ruleId"));
    }

    @Test
    void theTwoDayNumberDeliversOnlyAfterTheClockMovesTwoDays() {
        String number = "+15005550110";
        String id = (String) sendViaApi(number, "sms", "Your code is 123456").get("id");
        assertEquals("sent", logged(id).get("status"));
        advance("P1D");
        assertEquals("sent", logged(id).get("status"));
        advance("P1D");
        await().atMost(Duration.ofSeconds(5)).until(() -> "delivered".equals(logged(id).get("status")));
    }

    @Test
    void theFirstLostNumberLosesOnlyItsFirstMessage() {
        String number = "+15005550111";
        assertEquals("sent", sendViaApi(number, "sms", "Your code is 111111").get("status"));
        assertEquals("delivered", sendViaApi(number, "sms", "Your code is 222222").get("status"));
        assertEquals(1, inbox(number).size());
    }

    @Test
    void theDuplicatingNumberShowsEveryMessageTwice() {
        String number = "+15005550112";
        sendViaApi(number, "sms", "Your code is 333333");
        assertEquals(2, inbox(number).size());
    }

    @Test
    void aMagicStateCanStillBeChangedByAnOperator() {
        String number = "+15005550101";
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"handset\":\"on\"}")
                .put("/v1/phones/" + number).then().statusCode(200).body("handset", equalTo("on"));
        assertEquals("delivered", sendViaApi(number, "sms", "Your code is 123456").get("status"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"handset\":\"off\"}")
                .put("/v1/phones/" + number).then().statusCode(200);
    }
}
