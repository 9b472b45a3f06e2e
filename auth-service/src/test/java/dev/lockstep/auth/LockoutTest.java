package dev.lockstep.auth;

import static dev.lockstep.auth.AuthFixtures.PASSWORD;
import static dev.lockstep.auth.AuthFixtures.uniqueUsername;
import static dev.lockstep.platform.testing.InMemoryEvents.outbox;
import static dev.lockstep.platform.testing.InMemoryEvents.published;
import static dev.lockstep.platform.testing.TestTokens.ADMIN;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import dev.lockstep.auth.service.OtpGateway;
import dev.lockstep.auth.service.PasswordHasher;
import dev.lockstep.contracts.AccountLocked;
import dev.lockstep.contracts.AccountUnlocked;
import dev.lockstep.contracts.Events;
import dev.lockstep.contracts.PasswordInvalidated;
import dev.lockstep.contracts.http.CodeCheckResult;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.testing.ClockFixture;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.mockito.InjectSpy;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatchers;
import org.mockito.Mockito;

/** Brute-force protection at login: exact counts, locks that look like wrong passwords, expiry, unlock. */
@QuarkusTest
class LockoutTest {

    @InjectMock
    OtpGateway otp;

    /** The real hasher, watched: every path of a refused login must cost the same one hash. */
    @InjectSpy
    PasswordHasher hasher;

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    SandboxClock clock;

    @AfterEach
    void lockoutOffAgain() {
        lockout("{\"preset\":\"off\"}");
    }

    private static void lockout(String body) {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body).put("/v1/admin/lockout")
                .then().statusCode(200);
    }

    private String account(String username) {
        return AuthFixtures.accountWithPhone(otp, username);
    }

    private static ExtractableResponse<Response> login(String username, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .post("/v1/login").then().extract();
    }

    @Test
    void theDemoPresetLocksAtTheThirdFailureLooksLikeAWrongPasswordAndExpiresOnTheClock() {
        lockout("{\"preset\":\"demo\"}");
        String username = uniqueUsername();
        String id = account(username);
        for (int i = 0; i < 3; i++) {
            assertEquals(401, login(username, "wrong password " + i).statusCode());
        }
        ExtractableResponse<Response> locked = login(username, PASSWORD);
        ExtractableResponse<Response> wrong = login(username, "wrong again");
        ExtractableResponse<Response> unknown = login("nobody-" + UUID.randomUUID(), PASSWORD);
        assertEquals(401, locked.statusCode());
        assertEquals(unknown.asString().replace(unknown.path("instance"), ""),
                locked.asString().replace(locked.path("instance"), ""));
        assertEquals(wrong.asString(), locked.asString());

        given().header("Authorization", ADMIN).get("/v1/admin/accounts/" + username).then()
                .body("status", equalTo("LOCKED_TEMPORARILY")).body("lockReason", equalTo("password-failures"))
                .body("unlockAt", notNullValue()).body("failures", equalTo(3));
        await().atMost(Duration.ofSeconds(5)).until(() -> !published(outbox(), AccountLocked.class).isEmpty());

        ClockFixture.advance(connector, clock, Duration.ofMinutes(16));
        await().atMost(Duration.ofSeconds(5)).until(() -> published(outbox(), AccountUnlocked.class).stream()
                .map(e -> Events.body(e, AccountUnlocked.class))
                .anyMatch(u -> u.accountId().equals(id) && u.cause().equals("expired")));
        assertEquals("MFA_REQUIRED", login(username, PASSWORD).path("status"));
        given().header("Authorization", ADMIN).get("/v1/admin/accounts/" + username + "/audit").then()
                .body("action", Matchers.hasItems("account.lock", "account.unlock"))
                .body("operator", Matchers.hasItems("lockout-policy", "sandbox-clock"));
        assertEquals(id,
                Events.body(published(outbox(), AccountLocked.class).get(0), AccountLocked.class)
                        .accountId());
    }

    @Test
    void theSandboxPolicyTakesKeycloaksKnobsOnTopOfAPresetAndRefusesBadOnesWithoutChange() {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"preset\":\"keycloak-default\",\"mode\":\"permanent\",\"failureFactor\":2}")
                .put("/v1/admin/lockout").then().statusCode(200)
                .body("policy.mode", equalTo("permanent")).body("policy.failureFactor", equalTo(2))
                .body("policy.maxDeltaTime", equalTo("PT12H"));
        for (String bad : List.of("{\"preset\":\"demo\",\"failureFactor\":0}",
                "{\"preset\":\"demo\",\"waitIncrement\":\"a minute\"}", "{\"preset\":\"off\",\"failureFactor\":3}",
                "{\"preset\":\"demo\",\"strategy\":\"random\"}")) {
            given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(bad).put("/v1/admin/lockout")
                    .then().statusCode(400).body("type", equalTo("tag:lockstep.dev,2026:problem:invalid-lockout-policy"));
        }
        given().header("Authorization", ADMIN).get("/v1/admin/lockout").then()
                .body("preset", equalTo("keycloak-default")).body("policy.failureFactor", equalTo(2));

        String username = uniqueUsername();
        account(username);
        assertEquals(401, login(username, "wrong 1").statusCode());
        assertEquals(401, login(username, "wrong 2").statusCode());
        given().header("Authorization", ADMIN).get("/v1/admin/accounts/" + username).then()
                .body("status", equalTo("LOCKED")).body("failures", equalTo(2));

        lockout("{\"preset\":\"demo\"}");
        given().header("Authorization", ADMIN).get("/v1/admin/lockout").then()
                .body("policy.mode", equalTo("temporary")).body("policy.failureFactor", equalTo(3));
    }

    @Test
    void unknownUserWrongPasswordAndLockedAccountEachCostExactlyOnePasswordHash() {
        lockout("{\"preset\":\"demo\"}");
        String locked = uniqueUsername();
        account(locked);
        for (int i = 0; i < 3; i++) {
            login(locked, "wrong " + i);
        }
        String active = uniqueUsername();
        account(active);
        Map<String, String[]> paths = Map.of(
                "unknown user", new String[] { "nobody-" + UUID.randomUUID(), PASSWORD },
                "wrong password", new String[] { active, "not it" },
                "locked account", new String[] { locked, PASSWORD });
        paths.forEach((path, attempt) -> {
            Mockito.clearInvocations(hasher);
            assertEquals(401, login(attempt[0], attempt[1]).statusCode(), path);
            Mockito.verify(hasher, Mockito.times(1).description(path))
                    .matches(anyString(), anyString());
        });
    }

    @Test
    void manySimultaneousWrongPasswordsCountExactlyToTheLockAndTheRightOneIsRefusedAfter() throws Exception {
        lockout("{\"preset\":\"demo\"}");
        String username = uniqueUsername();
        account(username);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> attempts = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                int n = i;
                attempts.add(pool.submit(() -> login(username, "guess " + n).statusCode()));
            }
            for (Future<Integer> attempt : attempts) {
                assertEquals(401, attempt.get());
            }
        } finally {
            pool.shutdownNow();
        }
        given().header("Authorization", ADMIN).get("/v1/admin/accounts/" + username).then()
                .body("failures", equalTo(3)).body("status", equalTo("LOCKED_TEMPORARILY"));
        assertEquals(401, login(username, PASSWORD).statusCode());
    }

    @Test
    void revealingTheLockAnswers423AndAnOperatorUnlocks() {
        lockout("{\"preset\":\"demo\",\"revealLockState\":true}");
        String username = uniqueUsername();
        account(username);
        for (int i = 0; i < 3; i++) {
            login(username, "wrong " + i);
        }
        ExtractableResponse<Response> locked = login(username, PASSWORD);
        assertEquals(423, locked.statusCode());
        assertEquals("tag:lockstep.dev,2026:problem:account-locked", locked.path("type"));
        assertEquals("password-failures", locked.path("reason"));

        given().header("Authorization", ADMIN).header("X-Lockstep-Operator", "desk").contentType(ContentType.JSON)
                .body(Map.of("reason", "owner called")).post("/v1/admin/accounts/" + username + "/unlock").then()
                .statusCode(200).body("status", equalTo("ACTIVE")).body("failures", equalTo(0));
        assertEquals("MFA_REQUIRED", login(username, PASSWORD).path("status"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("reason", "again"))
                .post("/v1/admin/accounts/" + username + "/unlock").then().statusCode(409);
        await().atMost(Duration.ofSeconds(5)).until(() -> !published(outbox(), AccountUnlocked.class).isEmpty());
        given().header("Authorization", ADMIN).get("/v1/admin/accounts/" + username + "/audit").then()
                .body("action[-1]", equalTo("account.unlock"));
    }

    @Test
    void wrongCodesCountTowardsTheSameLockUnlessCountedApart() {
        lockout("{\"preset\":\"demo\"}");
        String username = uniqueUsername();
        twoWrongPasswordsAndAWrongCode(username);
        assertStatus(username, "LOCKED_TEMPORARILY");
    }

    @Test
    void wrongCodesCountedApartLockOnlyWhenTheyThemselvesReachTheLimit() {
        lockout("{\"preset\":\"demo\",\"separateCounters\":true}");
        String username = uniqueUsername();
        String challengeId = twoWrongPasswordsAndAWrongCode(username);
        // neither count is at the demo preset's three
        assertStatus(username, "ACTIVE");
        for (int i = 0; i < 2; i++) {
            wrongCode(challengeId);
        }
        assertStatus(username, "LOCKED_TEMPORARILY");
    }

    /** A new account, two wrong passwords, then the right one and a wrong code; the login's challenge. */
    private String twoWrongPasswordsAndAWrongCode(String username) {
        String id = account(username);
        when(otp.check(anyString(), eq(id), eq("000000"), ArgumentMatchers.any(),
                ArgumentMatchers.any()))
                .thenReturn(new CodeCheckResult(
                        CodeCheckResult.Outcome.INVALID, 4, "sms"));
        login(username, "wrong 1");
        login(username, "wrong 2");
        String challengeId = login(username, PASSWORD).path("challengeId");
        wrongCode(challengeId);
        return challengeId;
    }

    private static void wrongCode(String challengeId) {
        given().contentType(ContentType.JSON).body(Map.of("code", "000000"))
                .post("/v1/login/" + challengeId + "/verify").then().statusCode(401);
    }

    private static void assertStatus(String username, String status) {
        given().header("Authorization", ADMIN).get("/v1/admin/accounts/" + username).then()
                .body("status", equalTo(status));
    }

    @Test
    void badLockoutSettingsAreProblems() {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"preset\":\"strict\"}")
                .put("/v1/admin/lockout").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"preset\":\"demo\"}").put("/v1/admin/lockout").then().statusCode(401);
        given().header("Authorization", ADMIN).get("/v1/admin/lockout").then().body("preset", equalTo("off"));
    }

    private static ValidatableResponse accountPolicy(String username, String body) {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body)
                .put("/v1/admin/accounts/" + username + "/lockout-policy").then();
    }

    @Test
    void anAccountsOwnPolicyWinsOverTheSandboxes() {
        String strict = uniqueUsername();
        account(strict);
        String other = uniqueUsername();
        account(other);
        accountPolicy(strict, "{\"mode\":\"permanent\",\"failureFactor\":2}").statusCode(200)
                .body("source", equalTo("account")).body("mode", equalTo("permanent")).body("failureFactor", equalTo(2));
        for (int i = 0; i < 2; i++) {
            login(strict, "wrong " + i);
            login(other, "wrong " + i);
        }
        given().header("Authorization", ADMIN).get("/v1/admin/accounts/" + strict).then()
                .body("status", equalTo("LOCKED")).body("unlockAt", Matchers.nullValue());
        given().header("Authorization", ADMIN).get("/v1/admin/accounts/" + other).then().body("status", equalTo("ACTIVE"));

        lockout("{\"preset\":\"demo\"}");
        String exempt = uniqueUsername();
        account(exempt);
        accountPolicy(exempt, "{\"preset\":\"off\"}").statusCode(200).body("preset", equalTo("off"));
        for (int i = 0; i < 4; i++) {
            login(exempt, "wrong " + i);
        }
        assertEquals("MFA_REQUIRED", login(exempt, PASSWORD).path("status"));
        given().header("Authorization", ADMIN).delete("/v1/admin/accounts/" + exempt + "/lockout-policy").then()
                .statusCode(204);
        given().header("Authorization", ADMIN).get("/v1/admin/accounts/" + exempt + "/lockout-policy").then()
                .body("source", equalTo("sandbox")).body("preset", equalTo("demo"));
    }

    @Test
    void badAccountPoliciesAreProblemsAndChangeNothing() {
        String username = uniqueUsername();
        account(username);
        for (String bad : List.of("{\"strategy\":\"quadratic\"}", "{\"failureFactor\":0}", "{\"waitIncrement\":\"soon\"}",
                "{\"preset\":\"strictest\"}", "{\"mode\":\"temporary\",\"waitIncrement\":\"PT0S\"}",
                "{\"failureFactor\":\"two\"}")) {
            accountPolicy(username, bad).statusCode(400).contentType("application/problem+json");
        }
        given().header("Authorization", ADMIN).get("/v1/admin/accounts/" + username + "/lockout-policy").then()
                .body("source", equalTo("sandbox"));
        accountPolicy("nobody-" + UUID.randomUUID(), "{\"preset\":\"demo\"}").statusCode(404);
        given().header("Authorization", ADMIN).delete("/v1/admin/accounts/" + username + "/lockout-policy").then()
                .statusCode(404);
    }

    @Test
    void suspiciousActivityLocksAndInvalidatesThePasswordUntilSupportSetsANewOne() {
        String username = uniqueUsername();
        String id = account(username);
        String base = "/v1/admin/accounts/" + username;
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{}")
                .post(base + "/suspicious-activity").then().statusCode(400);
        given().header("Authorization", ADMIN).header("X-Lockstep-Operator", "security").contentType(ContentType.JSON)
                .body(Map.of("reason", "sign-ins from three countries in an hour")).post(base + "/suspicious-activity")
                .then().statusCode(200).body("status", equalTo("LOCKED")).body("lockReason", equalTo("suspicious-activity"));
        ExtractableResponse<Response> right = login(username, PASSWORD);
        ExtractableResponse<Response> wrong = login(username, "not it");
        assertEquals(401, right.statusCode());
        assertEquals(wrong.asString(), right.asString());

        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("reason", "owner verified"))
                .post(base + "/unlock").then().statusCode(200).body("status", equalTo("PASSWORD_RESET_REQUIRED"));
        assertEquals(401, login(username, PASSWORD).statusCode());
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("password", "short", "reason", "x"))
                .put(base + "/password").then().statusCode(400);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("password", "a brand new passphrase", "reason", "owner verified by phone"))
                .put(base + "/password").then().statusCode(200).body("status", equalTo("ACTIVE"));
        assertEquals("MFA_REQUIRED", login(username, "a brand new passphrase").path("status"));

        await().atMost(Duration.ofSeconds(5))
                .until(() -> !published(outbox(), PasswordInvalidated.class).isEmpty());
        assertEquals(id,
                Events.body(published(outbox(), PasswordInvalidated.class).get(0),
                        PasswordInvalidated.class).accountId());
        given().header("Authorization", ADMIN).get(base + "/audit").then().body("action",
                equalTo(List.of("account.create", "account.suspicious-activity", "account.unlock", "account.password-reset")));
    }
}
