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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.mockito.Mockito.when;

import dev.lockstep.auth.service.OtpGateway;
import dev.lockstep.contracts.Events;
import dev.lockstep.contracts.LoginSucceeded;
import dev.lockstep.contracts.MfaModeChanged;
import dev.lockstep.contracts.TotpReset;
import dev.lockstep.contracts.http.FactorView;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** Support turns an account's second factor off and on: audited, an event, and the login follows. */
@QuarkusTest
class SupportActionsTest {

    @InjectMock
    OtpGateway otp;

    private static ValidatableResponse setMode(String username, String body) {
        return given().header("Authorization", ADMIN).header("X-Lockstep-Operator", "support-7")
                .contentType(ContentType.JSON).body(body).put("/v1/admin/accounts/" + username + "/mfa").then();
    }

    private static ValidatableResponse login(String username) {
        return given().contentType(ContentType.JSON).body(Map.of("username", username, "password", PASSWORD))
                .post("/v1/login").then().statusCode(200);
    }

    @Test
    void withTheSecondFactorOffThePasswordAloneSignsInUntilSupportTurnsItBackOn() {
        String username = uniqueUsername();
        String accountId = createAccount(username);
        when(otp.factors(accountId)).thenReturn(List.of(FactorView.phone(UUID.randomUUID().toString(), "+81 ••••••••78")));

        setMode(username, "{\"mode\":\"off\",\"reason\":\"phone lost abroad, case 4711\"}").statusCode(200)
                .body("mfaMode", equalTo("off"));
        login(username).body("status", equalTo("SUCCESS")).body("token_type", equalTo("Bearer"));
        await().atMost(Duration.ofSeconds(5)).until(() -> !published(outbox(), LoginSucceeded.class).isEmpty());
        LoginSucceeded success = Events.body(published(outbox(), LoginSucceeded.class).get(0), LoginSucceeded.class);
        assertEquals(List.of("pwd"), success.amr());
        assertNull(success.challengeId());

        setMode(username, "{\"mode\":\"always\",\"reason\":\"owner has a new SIM\"}").statusCode(200);
        login(username).body("status", equalTo("MFA_REQUIRED"));

        await().atMost(Duration.ofSeconds(5)).until(() -> published(outbox(), MfaModeChanged.class).size() == 2);
        assertEquals(new MfaModeChanged(accountId, "off", "support-7", "phone lost abroad, case 4711"),
                Events.body(published(outbox(), MfaModeChanged.class).get(0), MfaModeChanged.class));
        given().header("Authorization", ADMIN).get("/v1/admin/accounts/" + username + "/audit").then().statusCode(200)
                .body("action", equalTo(List.of("account.create", "account.mfa-mode.off", "account.mfa-mode.always")))
                .body("operator[1]", equalTo("support-7")).body("reason[1]", equalTo("phone lost abroad, case 4711"));
    }

    @Test
    void badSupportActionsAreProblemsAndChangeNothing() {
        String username = uniqueUsername();
        createAccount(username);
        given().contentType(ContentType.JSON).body("{\"mode\":\"off\",\"reason\":\"x\"}")
                .put("/v1/admin/accounts/" + username + "/mfa").then().statusCode(401);
        setMode(username, "{\"mode\":\"sometimes\",\"reason\":\"x\"}").statusCode(400);
        setMode(username, "{\"mode\":\"off\"}").statusCode(400);
        setMode(username, "{\"mode\":\"off\",\"reason\":\"" + "x".repeat(513) + "\"}").statusCode(400);
        setMode("nobody-" + UUID.randomUUID(), "{\"mode\":\"off\",\"reason\":\"x\"}").statusCode(404);
        given().header("Authorization", ADMIN).get("/v1/admin/accounts/" + username).then()
                .body("mfaMode", equalTo("always"));
        given().header("Authorization", ADMIN).get("/v1/admin/accounts/" + username + "/audit").then()
                .body("action", equalTo(List.of("account.create")));
    }

    @Test
    void resettingTheAuthenticatorIsAuditedAndAnEventForOtpService() {
        String username = uniqueUsername();
        String accountId = createAccount(username);
        given().header("Authorization", ADMIN).header("X-Lockstep-Operator", "desk").contentType(ContentType.JSON)
                .body(Map.of("reason", "new phone, app lost")).post("/v1/admin/accounts/" + username + "/totp/reset")
                .then().statusCode(202);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{}")
                .post("/v1/admin/accounts/" + username + "/totp/reset").then().statusCode(400);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> !published(outbox(), TotpReset.class).isEmpty());
        assertEquals(new TotpReset(accountId, "desk", "new phone, app lost"),
                Events.body(published(outbox(), TotpReset.class).get(0),
                        TotpReset.class));
        given().header("Authorization", ADMIN).get("/v1/admin/accounts/" + username + "/audit").then()
                .body("action[-1]", equalTo("account.totp-reset"));
    }

    @Test
    void theOperatorIsTakenFromTheRequestAndAnOverlongNameIsRefusedChangingNothing() {
        String username = uniqueUsername();
        createAccount(username);
        given().header("Authorization", ADMIN).header("X-Lockstep-Operator", "x".repeat(129)).contentType(ContentType.JSON)
                .body(Map.of("reason", "spoofed")).post("/v1/admin/accounts/" + username + "/disable")
                .then().statusCode(400).body("type", Matchers.endsWith("invalid-operator"));
        given().header("Authorization", ADMIN).get("/v1/admin/accounts/" + username).then().body("status", equalTo("ACTIVE"));
        given().header("Authorization", ADMIN).header("X-Lockstep-Operator", "desk-9").contentType(ContentType.JSON)
                .body(Map.of("reason", "owner asked")).post("/v1/admin/accounts/" + username + "/disable").then()
                .statusCode(200);
        given().header("Authorization", ADMIN).get("/v1/admin/accounts/" + username + "/audit").then()
                .body("operator[-1]", equalTo("desk-9"));
    }
}
