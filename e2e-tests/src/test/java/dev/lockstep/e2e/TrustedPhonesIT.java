package dev.lockstep.e2e;

import static dev.lockstep.e2e.support.Lockstep.newAccount;
import static dev.lockstep.e2e.support.Lockstep.uniquePhone;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two trusted phones, shown masked; the owner picks the second and has the code read out by a call. */
@ExtendWith(SharedSandbox.class)
@Order(10)
class TrustedPhonesIT {

    @Test
    void aCallToTheSecondPhoneReadsOutACodeThatSignsIn() {
        Lockstep.Account account = newAccount();
        String second = uniquePhone();
        String secondId = given().header("Authorization", Lockstep.admin()).contentType(ContentType.JSON)
                .body(Map.of("phone", second))
                .post(SharedSandbox.url(Service.OTP) + "/v1/admin/accounts/" + account.id() + "/phones")
                .then().statusCode(201).extract().path("id");

        Response login = Lockstep.login(account.username(), Lockstep.PASSWORD);
        List<String> masked = login.path("factors.maskedPhone");
        assertEquals(2, masked.size());
        assertTrue(masked.get(1).endsWith(second.substring(second.length() - 2)), masked.toString());
        String challengeId = login.path("challengeId");

        given().contentType(ContentType.JSON).body(Map.of("factorId", secondId, "channel", "voice"))
                .post(SharedSandbox.url(Service.AUTH) + "/v1/login/" + challengeId + "/send").then().statusCode(202);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !given().get(SharedSandbox.url(Service.SIM) + "/v1/phones/" + second + "/messages?channel=voice")
                        .then().extract().jsonPath().getList("$").isEmpty());
        Map<String, Object> call = given().get(SharedSandbox.url(Service.SIM) + "/v1/phones/" + second + "/messages")
                .then().extract().jsonPath().getMap("[0]");
        assertEquals("voice", call.get("channel"));
        Response signedIn = Lockstep.verify(challengeId, (String) call.get("code"));
        assertEquals(200, signedIn.statusCode(), signedIn.asString());
    }
}
