package dev.lockstep.e2e;

import static dev.lockstep.e2e.support.Lockstep.newAccount;
import static dev.lockstep.e2e.support.Lockstep.nthCode;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lockstep.e2e.support.Lockstep;
import dev.lockstep.e2e.support.SharedSandbox;
import dev.lockstep.launcher.Service;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The au story's mode (S3): a second factor only for devices the owner has not trusted yet. */
@ExtendWith(SharedSandbox.class)
@Order(13)
class DevicesIT {

    private static Response login(Lockstep.Account account, String device) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("username", account.username(), "password", Lockstep.PASSWORD, "deviceId", device))
                .post(SharedSandbox.url(Service.AUTH) + "/v1/login");
    }

    @Test
    void aTrustedDeviceSignsInWithoutACodeWhileANewDeviceGetsOne() {
        Lockstep.Account account = newAccount();
        given().header("Authorization", Lockstep.admin()).contentType(ContentType.JSON)
                .body(Map.of("mode", "new-device", "reason", "account set up for the au story"))
                .put(SharedSandbox.url(Service.AUTH) + "/v1/admin/accounts/" + account.username() + "/mfa")
                .then().statusCode(200);

        Response first = login(account, "home-pc");
        assertEquals("MFA_REQUIRED", first.path("status"));
        given().contentType(ContentType.JSON).body(Map.of("code", nthCode(account.phone(), 1), "trustDevice", true))
                .post(SharedSandbox.url(Service.AUTH) + "/v1/login/" + first.path("challengeId") + "/verify")
                .then().statusCode(200);

        assertEquals("SUCCESS", login(account, "home-pc").path("status"));
        Response elsewhere = login(account, "hotel-kiosk");
        assertEquals("MFA_REQUIRED", elsewhere.path("status"));
        nthCode(account.phone(), 2);
    }

    @Test
    void aSignInFromANewDeviceLandsAsAnAlertInTheOwnersVirtualMailbox() {
        String email = "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Lockstep.Account account = newAccount(email);
        Response login = login(account, "unknown-laptop");
        given().contentType(ContentType.JSON).body(Map.of("code", nthCode(account.phone(), 1)))
                .post(SharedSandbox.url(Service.AUTH) + "/v1/login/" + login.path("challengeId") + "/verify")
                .then().statusCode(200);
        String mailbox = SharedSandbox.url(Service.SIM) + "/v1/mailboxes/" + email + "/messages";
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> !given().get(mailbox).then().extract().jsonPath().getList("$").isEmpty());
        Map<String, Object> alert = given().get(mailbox).then().extract().jsonPath().getMap("[0]");
        assertEquals("alert", alert.get("kind"));
        Assertions.assertTrue(((String) alert.get("text")).contains("unknown-laptop"), alert.toString());
    }
}
