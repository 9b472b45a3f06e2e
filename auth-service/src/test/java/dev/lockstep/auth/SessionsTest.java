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
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockstep.auth.service.OtpGateway;
import dev.lockstep.contracts.Events;
import dev.lockstep.contracts.SessionChanged;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sessions: refresh-token rotation, reuse detection, logout, and revocation by owner and operator. */
@QuarkusTest
class SessionsTest {

    @InjectMock
    OtpGateway otp;

    /** An account whose second factor support turned off, so that the password alone signs in. */
    private static String account() {
        String username = uniqueUsername();
        createAccount(username);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("mode", "off", "reason", "test"))
                .put("/v1/admin/accounts/" + username + "/mfa").then().statusCode(200);
        return username;
    }

    private static Map<String, Object> signIn(String username) {
        return given().contentType(ContentType.JSON).body(Map.of("username", username, "password", PASSWORD))
                .post("/v1/login").then().statusCode(200).body("status", equalTo("SUCCESS")).extract().jsonPath().getMap("$");
    }

    private static ValidatableResponse refresh(Object refreshToken) {
        return given().contentType(ContentType.JSON).body(Map.of("refresh_token", refreshToken)).post("/v1/token/refresh")
                .then();
    }

    @Test
    void eachRefreshRotatesTheTokenAndAReusedOneRevokesTheSession() {
        Map<String, Object> login = signIn(account());
        String first = (String) login.get("refresh_token");
        String payload = new String(Base64.getUrlDecoder().decode(((String) login.get("access_token")).split("\\.")[1]),
                StandardCharsets.UTF_8);
        assertTrue(payload.contains("\"sid\":"), payload);

        String second = refresh(first).statusCode(200).body("status", equalTo("SUCCESS")).extract().path("refresh_token");
        assertNotEquals(first, second);
        refresh(first).statusCode(401).body("type", equalTo("tag:lockstep.dev,2026:problem:refresh-token-reused"));
        refresh(second).statusCode(401).body("type", equalTo("tag:lockstep.dev,2026:problem:session-revoked"));
        await().atMost(Duration.ofSeconds(5)).until(() -> published(outbox(), SessionChanged.class).stream()
                .map(e -> Events.body(e, SessionChanged.class)).anyMatch(s -> "refresh-token-reuse".equals(s.reason())));
    }

    @Test
    void logoutEndsTheSessionAtOnce() {
        Map<String, Object> login = signIn(account());
        String bearer = "Bearer " + login.get("access_token");
        given().header("Authorization", bearer).get("/v1/me/sessions").then().statusCode(200).body("$", hasSize(1));
        given().header("Authorization", bearer).post("/v1/logout").then().statusCode(204);
        refresh(login.get("refresh_token")).statusCode(401).body("type",
                equalTo("tag:lockstep.dev,2026:problem:session-revoked"));
        given().header("Authorization", bearer).get("/v1/me/sessions").then().statusCode(401);
    }

    @Test
    void ownersAndOperatorsRevokeSessionsAndSupportRevokesThemAll() {
        String username = account();
        Map<String, Object> a = signIn(username);
        Map<String, Object> b = signIn(username);
        Map<String, Object> c = signIn(username);
        String bearer = "Bearer " + a.get("access_token");
        List<String> ids = given().header("Authorization", bearer).get("/v1/me/sessions").then().extract().path("id");
        assertEquals(3, ids.size());

        String sessionOfB = given().header("Authorization", ADMIN).get("/v1/admin/accounts/" + username + "/sessions")
                .then().statusCode(200).extract().path("[1].id");
        given().header("Authorization", ADMIN).header("X-Lockstep-Operator", "desk")
                .delete("/v1/admin/accounts/" + username + "/sessions/" + sessionOfB + "?reason=phone%20stolen").then()
                .statusCode(204);
        refresh(b.get("refresh_token")).statusCode(401);
        refresh(c.get("refresh_token")).statusCode(200);

        given().header("Authorization", ADMIN).header("X-Lockstep-Operator", "desk").contentType(ContentType.JSON)
                .body(Map.of("reason", "account takeover suspected"))
                .post("/v1/admin/accounts/" + username + "/sessions/revoke-all").then().statusCode(200)
                .body("revoked", equalTo(2));
        refresh(c.get("refresh_token")).statusCode(401);
        given().header("Authorization", ADMIN).get("/v1/admin/accounts/" + username + "/audit").then()
                .body("action[-2]", equalTo("session.revoke")).body("action[-1]", equalTo("session.revoke-all"))
                .body("reason[-1]", equalTo("account takeover suspected"));
    }

    @Test
    void badRefreshesAndRevocationsAreProblems() {
        refresh("rt_not-a-token").statusCode(401).body("type", equalTo("tag:lockstep.dev,2026:problem:invalid-refresh-token"));
        given().contentType(ContentType.JSON).body("{}").post("/v1/token/refresh").then().statusCode(400);
        given().post("/v1/logout").then().statusCode(401);
        String username = account();
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{}")
                .post("/v1/admin/accounts/" + username + "/sessions/revoke-all").then().statusCode(400);
        given().header("Authorization", ADMIN).delete("/v1/admin/accounts/" + username + "/sessions/nope").then()
                .statusCode(404);
    }
}
