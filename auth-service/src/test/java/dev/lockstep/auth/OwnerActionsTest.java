package dev.lockstep.auth;

import static dev.lockstep.auth.AuthFixtures.PASSWORD;
import static dev.lockstep.auth.AuthFixtures.uniqueUsername;
import static dev.lockstep.platform.testing.TestTokens.ADMIN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.lockstep.auth.service.OtpGateway;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatchers;

/** The owner's actions that need the password: allowed when unlocked, refused with 423 while locked (S0). */
@QuarkusTest
class OwnerActionsTest {

    @InjectMock
    OtpGateway otp;

    @AfterEach
    void lockoutOff() {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"preset\":\"off\"}")
                .put("/v1/admin/lockout").then().statusCode(200);
    }

    /** A password-only account (second factor off) and its owner's access token. */
    private String signedIn(String username) {
        AuthFixtures.accountWithPhone(otp, username);
        AuthFixtures.setMfaMode(username, "off");
        return "Bearer " + login(username, PASSWORD).path("access_token");
    }

    private static Response login(String username, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .post("/v1/login");
    }

    private static Response changePassword(String token, String current, String next) {
        return given().header("Authorization", token).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", current, "newPassword", next)).put("/v1/me/password");
    }

    @Test
    void theOwnerChangesThePasswordWithTheCurrentOneAndOnlyTheNewOneWorksAfter() {
        String username = uniqueUsername();
        String token = signedIn(username);
        changePassword(token, PASSWORD, "a brand new passphrase").then().statusCode(204);
        assertEquals(401, login(username, PASSWORD).statusCode());
        assertEquals(200, login(username, "a brand new passphrase").statusCode());
        changePassword(token, "a brand new passphrase", "short").then().statusCode(400);
        given().header("Authorization", ADMIN).get("/v1/admin/accounts/" + username + "/audit").then()
                .body("action", Matchers.hasItem("account.password-change"));
    }

    @Test
    void wrongCurrentPasswordsCountTowardsTheLock() {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"preset\":\"demo\"}")
                .put("/v1/admin/lockout").then().statusCode(200);
        String username = uniqueUsername();
        String token = signedIn(username);
        for (int i = 0; i < 3; i++) {
            changePassword(token, "not it " + i, "another passphrase").then().statusCode(401);
        }
        given().header("Authorization", ADMIN).get("/v1/admin/accounts/" + username).then()
                .body("status", equalTo("LOCKED_TEMPORARILY"));
        changePassword(token, PASSWORD, "another passphrase").then().statusCode(423)
                .body("type", equalTo("tag:lockstep.dev,2026:problem:account-locked"))
                .body("reason", equalTo("password-failures"));
    }

    @Test
    void whileLockedSensitiveActionsAreRefusedAndNothingChanges() {
        String username = uniqueUsername();
        String token = signedIn(username);
        String accountId = given().header("Authorization", ADMIN).get("/v1/admin/accounts/" + username).path("id");
        String factorId = UUID.randomUUID().toString();
        given().header("Authorization", token).contentType(ContentType.JSON).body(Map.of("password", PASSWORD))
                .post("/v1/me/factors/" + factorId + "/remove").then().statusCode(204);
        verify(otp).removeFactor(accountId, factorId);

        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("reason", "SIM swap seen"))
                .post("/v1/admin/accounts/" + username + "/suspicious-activity").then().statusCode(200);

        changePassword(token, PASSWORD, "another passphrase").then().statusCode(423)
                .body("reason", equalTo("suspicious-activity"));
        String other = UUID.randomUUID().toString();
        given().header("Authorization", token).contentType(ContentType.JSON).body(Map.of("password", PASSWORD))
                .post("/v1/me/factors/" + other + "/remove").then().statusCode(423);
        verify(otp, never()).removeFactor(anyString(), ArgumentMatchers.eq(other));
        String device = given().header("Authorization", token).get("/v1/me/devices").then().statusCode(200)
                .extract().jsonPath().getList("id", String.class).stream().findFirst().orElse("no-device");
        given().header("Authorization", token).delete("/v1/me/devices/" + device).then().statusCode(423);
        given().header("Authorization", ADMIN).get("/v1/admin/accounts/" + username + "/audit").then()
                .body("action", Matchers.not(Matchers.hasItem("account.password-change")));
    }
}
