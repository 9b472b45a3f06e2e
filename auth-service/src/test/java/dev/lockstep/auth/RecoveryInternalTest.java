package dev.lockstep.auth;

import static dev.lockstep.auth.AuthFixtures.PASSWORD;
import static dev.lockstep.auth.AuthFixtures.uniqueUsername;
import static dev.lockstep.platform.testing.TestTokens.ADMIN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockstep.auth.service.OtpGateway;
import dev.lockstep.contracts.AccountUnlocked;
import dev.lockstep.contracts.Events;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What recovery-service asks auth-service over the internal API. */
@QuarkusTest
class RecoveryInternalTest {

    private static final String INTERNAL = "Bearer test-internal-token";

    @InjectMock
    OtpGateway otp;

    @Inject
    @Any
    InMemoryConnector connector;

    private static ValidatableResponse internal(String path, Object body) {
        return given().header("Authorization", INTERNAL).contentType(ContentType.JSON).body(body)
                .post("/v1/internal/accounts/" + path).then();
    }

    private static int loginStatus(String username, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .post("/v1/login").statusCode();
    }

    @Test
    void factsAreForTheInternalTokenOnly() {
        String username = uniqueUsername();
        String id = AuthFixtures.accountWithPhone(otp, username);
        given().header("Authorization", INTERNAL).get("/v1/internal/accounts/by-username/" + username.toUpperCase())
                .then().statusCode(200).body("id", equalTo(id)).body("status", equalTo("ACTIVE"));
        given().header("Authorization", ADMIN).get("/v1/internal/accounts/by-username/" + username).then().statusCode(401);
        given().header("Authorization", INTERNAL).get("/v1/internal/accounts/by-username/nobody-here").then()
                .statusCode(404);
    }

    @Test
    void theHistoryRemembersEveryPasswordTheAccountHad() {
        String username = uniqueUsername();
        String id = AuthFixtures.accountWithPhone(otp, username);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("password", "second password", "reason", "test"))
                .put("/v1/admin/accounts/" + username + "/password")
                .then().statusCode(200);
        internal(id + "/password-history/check", Map.of("passwords", List.of(PASSWORD, "second password", "never used")))
                .statusCode(200).body("matched", equalTo(2));
        internal(id + "/password-history/check", Map.of("passwords", List.of("a", "b", "c", "d", "e", "f")))
                .statusCode(400);
        internal("credentials/check", Map.of("username", username, "password", PASSWORD)).body("matches", equalTo(false))
                .body("account", nullValue());
        internal("credentials/check", Map.of("username", username, "password", "second password"))
                .body("matches", equalTo(true)).body("account.id", equalTo(id));
        internal("credentials/check", Map.of("username", "nobody-" + username, "password", "second password"))
                .statusCode(200).body("matches", equalTo(false)).body("account", nullValue());
    }

    @Test
    void anInvalidatedPasswordStillProvesKnowledgeForRecovery() {
        String username = uniqueUsername();
        String id = AuthFixtures.accountWithPhone(otp, username);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("reason", "S0"))
                .post("/v1/admin/accounts/" + username + "/suspicious-activity").then().statusCode(200);
        internal("credentials/check", Map.of("username", username, "password", PASSWORD)).statusCode(200)
                .body("matches", equalTo(true)).body("account.id", equalTo(id));
    }

    @Test
    void restoringUnlocksReplacesThePasswordRevokesSessionsAndHappensOncePerCase() {
        String username = uniqueUsername();
        String id = AuthFixtures.accountWithPhone(otp, username);
        AuthFixtures.setMfaMode(username, "off");
        String refresh = given().contentType(ContentType.JSON).body(Map.of("username", username, "password", PASSWORD))
                .post("/v1/login").then().statusCode(200).extract().path("refresh_token");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("reason", "S4"))
                .post("/v1/admin/accounts/" + username + "/suspicious-activity").then().statusCode(200);

        String caseId = UUID.randomUUID().toString();
        internal(id + "/restore", Map.of("caseId", caseId, "password", "recovered pass", "correlationId", caseId))
                .statusCode(204);
        given().header("Authorization", ADMIN).get("/v1/admin/accounts/" + username).then()
                .body("status", equalTo("ACTIVE"));
        assertEquals(200, loginStatus(username, "recovered pass"));
        assertEquals(401, loginStatus(username, PASSWORD));
        given().contentType(ContentType.JSON).body(Map.of("refresh_token", refresh)).post("/v1/token/refresh").then()
                .statusCode(401);
        long unlocks = connector.<String> sink("outbox").received().stream().map(m -> Events.fromJson(m.getPayload()))
                .filter(e -> Events.is(e, AccountUnlocked.class) && id.equals(e.subject()))
                .map(e -> Events.body(e, AccountUnlocked.class).cause()).filter("recovery"::equals).count();
        assertEquals(1, unlocks);

        // the same case again changes nothing: the password set since stays
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("password", "set by support", "reason", "test"))
                .put("/v1/admin/accounts/" + username + "/password")
                .then().statusCode(200);
        internal(id + "/restore", Map.of("caseId", caseId, "password", "recovered pass", "correlationId", caseId))
                .statusCode(204);
        assertEquals(200, loginStatus(username, "set by support"));
        given().header("Authorization", ADMIN).get("/v1/admin/accounts/" + username + "/audit").then()
                .body("action", hasItem("account.recovered"));
        internal(id + "/restore", Map.of("caseId", caseId, "password", "short")).statusCode(400);
    }

    @Test
    void anEscalationRemovesTheSessionsAndDevicesThatAppearedSince() {
        String username = uniqueUsername();
        String id = AuthFixtures.accountWithPhone(otp, username);
        AuthFixtures.setMfaMode(username, "off");
        given().contentType(ContentType.JSON).body(Map.of("username", username, "password", PASSWORD,
                "deviceId", "intruder-pc")).post("/v1/login").then().statusCode(200);
        String since = given().get("/v1/clock").then().extract().path("now");
        // nothing appeared after this moment
        internal(id + "/escalation",
                Map.of("caseId", "c-1", "since", Instant.parse(since).plusSeconds(60).toString()))
                .statusCode(200).body("sessions", equalTo(0)).body("devices", equalTo(0));
        internal(id + "/escalation",
                Map.of("caseId", "c-2", "since", Instant.parse(since).minusSeconds(3600).toString()))
                .statusCode(200).body("sessions", equalTo(1)).body("devices", equalTo(1));
        assertTrue(given().header("Authorization", ADMIN).get("/v1/admin/accounts/" + username + "/sessions")
                .jsonPath().getList("$").isEmpty());
        internal(id + "/escalation", Map.of("caseId", "c-3")).statusCode(400);
    }
}
