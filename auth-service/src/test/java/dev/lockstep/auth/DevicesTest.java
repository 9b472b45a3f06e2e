package dev.lockstep.auth;

import static dev.lockstep.auth.AuthFixtures.PASSWORD;
import static dev.lockstep.auth.AuthFixtures.createAccount;
import static dev.lockstep.auth.AuthFixtures.uniqueUsername;
import static dev.lockstep.platform.testing.InMemoryEvents.outbox;
import static dev.lockstep.platform.testing.InMemoryEvents.published;
import static dev.lockstep.platform.testing.TestTokens.ADMIN;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import dev.lockstep.auth.service.OtpGateway;
import dev.lockstep.contracts.DeviceChanged;
import dev.lockstep.contracts.Events;
import dev.lockstep.contracts.OutboundMessage;
import dev.lockstep.contracts.http.CodeCheckResult;
import dev.lockstep.contracts.http.FactorView;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** Devices: trusted after a second factor, then skipped under new-device; listed and revoked by owner and operator. */
@QuarkusTest
class DevicesTest {

    @InjectMock
    OtpGateway otp;

    private String account(String username, String mode) {
        String id = createAccount(username);
        when(otp.factors(id)).thenReturn(List.of(FactorView.phone(UUID.randomUUID().toString(), "+81 ••••••••78")));
        when(otp.check(anyString(), eq(id), eq("123456"), any(), any()))
                .thenReturn(new CodeCheckResult(CodeCheckResult.Outcome.VALID, 5, "sms"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("mode", mode, "reason", "test")).put("/v1/admin/accounts/" + username + "/mfa")
                .then().statusCode(200);
        return id;
    }

    private static ValidatableResponse login(String username, String device) {
        Map<String, Object> body = new HashMap<>(Map.of("username", username, "password", PASSWORD));
        if (device != null) {
            body.put("deviceId", device);
        }
        return given().contentType(ContentType.JSON).body(body).post("/v1/login").then().statusCode(200);
    }

    /** Logs in with a code from a device, trusting it; returns the access token. */
    private static String loginTrusting(String username, String device) {
        String challengeId = login(username, device).body("status", equalTo("MFA_REQUIRED")).extract().path("challengeId");
        return given().contentType(ContentType.JSON).body(Map.of("code", "123456", "trustDevice", true))
                .post("/v1/login/" + challengeId + "/verify").then().statusCode(200).extract().path("access_token");
    }

    @Test
    void underNewDeviceATrustedDeviceSkipsTheCodeAndAnotherDoesNot() {
        String username = uniqueUsername();
        String accountId = account(username, "new-device");
        String token = loginTrusting(username, "laptop-1");
        login(username, "laptop-1").body("status", equalTo("SUCCESS"));
        login(username, "phone-2").body("status", equalTo("MFA_REQUIRED"));
        login(username, null).body("status", equalTo("MFA_REQUIRED"));

        List<Map<String, Object>> mine = given().header("Authorization", "Bearer " + token).get("/v1/me/devices")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertEquals(1, mine.size());
        assertEquals("laptop-1", mine.get(0).get("deviceId"));
        assertEquals(true, mine.get(0).get("trusted"));

        given().header("Authorization", "Bearer " + token).delete("/v1/me/devices/" + mine.get(0).get("id"))
                .then().statusCode(204);
        login(username, "laptop-1").body("status", equalTo("MFA_REQUIRED"));
        await().atMost(Duration.ofSeconds(5)).until(() -> published(outbox(), DeviceChanged.class).size() == 3);
        assertEquals(List.of("new", "trusted", "revoked"), published(outbox(), DeviceChanged.class).stream()
                .map(e -> Events.body(e, DeviceChanged.class)).filter(d -> d.accountId().equals(accountId))
                .map(DeviceChanged::change).toList());
    }

    @Test
    void underAlwaysEvenATrustedDeviceGetsACodeAndOperatorsCanRevokeDevices() {
        String username = uniqueUsername();
        account(username, "always");
        loginTrusting(username, "tablet");
        login(username, "tablet").body("status", equalTo("MFA_REQUIRED"));

        String id = given().header("Authorization", ADMIN).get("/v1/admin/accounts/" + username + "/devices")
                .then().statusCode(200).body("[0].trusted", equalTo(true)).extract().path("[0].id");
        given().header("Authorization", ADMIN).header("X-Lockstep-Operator", "desk")
                .delete("/v1/admin/accounts/" + username + "/devices/" + id + "?reason=stolen").then().statusCode(204);
        given().header("Authorization", ADMIN).delete("/v1/admin/accounts/" + username + "/devices/" + id)
                .then().statusCode(404);
        given().header("Authorization", ADMIN).get("/v1/admin/accounts/" + username + "/audit").then()
                .body("action[-1]", equalTo("device.revoke")).body("reason[-1]", equalTo("stolen"));
    }

    @Test
    void theOwnerApiNeedsAValidTokenAndBadDeviceIdsAreProblems() {
        given().get("/v1/me/devices").then().statusCode(401).header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("tag:lockstep.dev,2026:problem:invalid-token"));
        given().header("Authorization", "Bearer not.a.token").get("/v1/me/devices").then().statusCode(401);
        String username = uniqueUsername();
        account(username, "new-device");
        given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", PASSWORD, "deviceId", "bad id with spaces"))
                .post("/v1/login").then().statusCode(400);
    }

    @Test
    void aSignInFromANewDeviceAlertsTheOwnerByEmailOnce() {
        String username = uniqueUsername();
        String email = username + "@example.com";
        String id = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", PASSWORD, "phone", AuthFixtures.uniqueJapanesePhone(),
                        "email", email.toUpperCase(Locale.ROOT)))
                .post("/v1/admin/accounts").then().statusCode(201).body("email", equalTo(email)).extract().path("id");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("mode", "off", "reason", "test"))
                .put("/v1/admin/accounts/" + username + "/mfa").then().statusCode(200);
        login(username, "intruder-pc").body("status", equalTo("SUCCESS"));
        login(username, "intruder-pc").body("status", equalTo("SUCCESS"));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> !published(outbox(), OutboundMessage.class).isEmpty());
        List<OutboundMessage> alerts = published(outbox(), OutboundMessage.class)
                .stream()
                .map(e -> Events.body(e, OutboundMessage.class)).filter(m -> m.accountId().equals(id))
                .toList();
        assertEquals(1, alerts.size());
        assertEquals("email", alerts.get(0).channel());
        assertEquals(email, alerts.get(0).to());
        assertEquals("alert", alerts.get(0).kind());
        Assertions.assertTrue(alerts.get(0).text().contains("intruder-pc"), alerts.get(0).text());
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("username", uniqueUsername(), "password", PASSWORD, "phone", AuthFixtures.uniqueJapanesePhone(),
                        "email", "not-an-address"))
                .post("/v1/admin/accounts").then().statusCode(400);
    }
}
