package dev.lockstep.auth;

import static dev.lockstep.auth.AuthFixtures.PASSWORD;
import static dev.lockstep.auth.AuthFixtures.accountWithPhone;
import static dev.lockstep.auth.AuthFixtures.createAccount;
import static dev.lockstep.auth.AuthFixtures.factorOf;
import static dev.lockstep.auth.AuthFixtures.uniqueUsername;
import static dev.lockstep.platform.testing.InMemoryEvents.outbox;
import static dev.lockstep.platform.testing.InMemoryEvents.published;
import static dev.lockstep.platform.testing.TestTokens.ADMIN;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.notNull;
import static org.mockito.Mockito.when;

import dev.lockstep.auth.service.OtpGateway;
import dev.lockstep.contracts.AccountCreated;
import dev.lockstep.contracts.ClockChanged;
import dev.lockstep.contracts.CloudEvent;
import dev.lockstep.contracts.Events;
import dev.lockstep.contracts.LoginChallengeCreated;
import dev.lockstep.contracts.LoginCodeRequested;
import dev.lockstep.contracts.LoginFailed;
import dev.lockstep.contracts.LoginSucceeded;
import dev.lockstep.contracts.SessionChanged;
import dev.lockstep.contracts.http.CodeCheckResult;
import dev.lockstep.contracts.http.CodeCheckResult.Outcome;
import dev.lockstep.contracts.http.CodePolicyView;
import dev.lockstep.contracts.http.FactorView;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.testing.ClockFixture;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hamcrest.Matchers;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LoginApiTest {

    @InjectMock
    OtpGateway otp;

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    SandboxClock clock;

    private ExtractableResponse<Response> login(String username, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password))
                .post("/v1/login").then().extract();
    }

    @Test
    void createdAccountTravelsAsAnEventWithItsPhoneInE164() {
        String username = uniqueUsername();
        String id = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", PASSWORD, "phone", "+81 90-1234-0042"))
                .post("/v1/admin/accounts")
                .then().statusCode(201)
                .header("Location", endsWith("/v1/admin/accounts/" + username))
                .body("maskedPhone", equalTo("+81 ••••••••42"))
                .extract().path("id");

        await().atMost(Duration.ofSeconds(5)).until(() -> !published(outbox(), AccountCreated.class).isEmpty());
        CloudEvent event = published(outbox(), AccountCreated.class).get(0);
        assertEquals(new AccountCreated(id, username, "+819012340042"), Events.body(event, AccountCreated.class));
        assertEquals("/lockstep/auth-service", event.source());
        assertEquals("lockstep.auth.events", AuthFixtures.topicOf(outbox().received().get(0)));
        assertEquals(id, AuthFixtures.keyOf(outbox().received().get(0)));
    }

    @Test
    void rightPasswordOpensAChallengeAndAsksForACode() {
        String username = uniqueUsername();
        String accountId = accountWithPhone(otp, username);

        ExtractableResponse<Response> response = login(username, PASSWORD);
        assertEquals(200, response.statusCode());
        assertEquals("MFA_REQUIRED", response.path("status"));
        assertEquals("+81 ••••••••78", response.path("factors[0].maskedPhone"));
        assertEquals("sms", response.path("factors[0].type"));
        String challengeId = response.path("challengeId");

        await().atMost(Duration.ofSeconds(5)).until(() -> !published(outbox(), LoginChallengeCreated.class).isEmpty());
        CloudEvent event = published(outbox(), LoginChallengeCreated.class).get(0);
        LoginChallengeCreated body = Events.body(event, LoginChallengeCreated.class);
        assertEquals(challengeId, body.challengeId());
        assertEquals(accountId, body.accountId());
        assertEquals(factorOf(accountId), body.factorId());
        assertTrue(event.correlationid() != null && !event.correlationid().isEmpty());
    }

    @Test
    void wrongPasswordAndUnknownUserAreIndistinguishable() {
        String username = uniqueUsername();
        accountWithPhone(otp, username);

        ExtractableResponse<Response> wrong = login(username, "not the password");
        ExtractableResponse<Response> unknown = login(uniqueUsername(), "not the password");
        assertEquals(401, wrong.statusCode());
        assertEquals(401, unknown.statusCode());
        assertEquals(wrong.contentType(), unknown.contentType());
        assertEquals(wrong.body().asString(), unknown.body().asString());
        assertEquals("application/problem+json", wrong.contentType());
    }

    @Test
    void aWrongPasswordAndAnUnknownNameAreEachOneLoginFailedOnTheSignInsTopic() {
        String username = uniqueUsername();
        String accountId = accountWithPhone(otp, username);
        String unknownName = uniqueUsername();

        login(username, "not the password");
        login(unknownName, "not the password");

        await().atMost(Duration.ofSeconds(5)).until(() -> published(outbox(), LoginFailed.class).size() == 2);
        List<? extends Message<String>> failures = outbox().received().stream()
                .filter(m -> Events.is(Events.fromJson(m.getPayload()), LoginFailed.class)).toList();
        assertTrue(failures.stream().allMatch(m -> "lockstep.auth.sign-ins".equals(AuthFixtures.topicOf(m))));
        CloudEvent wrong = Events.fromJson(failures.get(0).getPayload());
        assertEquals(new LoginFailed(accountId, null, "password"), Events.body(wrong, LoginFailed.class));
        assertEquals(accountId, wrong.subject());
        CloudEvent unknown = Events.fromJson(failures.get(1).getPayload());
        assertEquals(new LoginFailed(null, null, "unknown-user"), Events.body(unknown, LoginFailed.class));
        assertEquals(null, unknown.subject(), "no account, and the name typed is not repeated");
        assertEquals(unknown.id(), AuthFixtures.keyOf(failures.get(1)), "an event about no one is keyed by its own id");
        assertFalse(failures.get(1).getPayload().contains(unknownName), failures.get(1).getPayload());
    }

    @Test
    void rightCodeGivesAnRs256TokenThatVerifiesAgainstTheJwks() throws Exception {
        String username = uniqueUsername();
        String accountId = accountWithPhone(otp, username);
        String challengeId = login(username, PASSWORD).path("challengeId");
        when(otp.check(eq(challengeId), eq(accountId), eq("123456"), eq(factorOf(accountId)), notNull()))
                .thenReturn(new CodeCheckResult(Outcome.VALID, 5, "sms"));

        ExtractableResponse<Response> token = given().contentType(ContentType.JSON).body(Map.of("code", "123456"))
                .post("/v1/login/" + challengeId + "/verify").then().statusCode(200)
                .body("status", equalTo("SUCCESS")).body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(3600))
                .extract();

        String jwks = given().get("/.well-known/jwks.json").then().statusCode(200)
                .body("keys", hasSize(1)).body("keys[0].kty", equalTo("RSA")).body("keys[0].alg", equalTo("RS256"))
                .extract().asString();
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(new JsonWebKeySet(jwks).getJsonWebKeys()))
                .setExpectedIssuer("http://127.0.0.1:8081")
                .setExpectedAudience("lockstep")
                .setRequireJwtId()
                .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()))
                .build();
        JwtClaims claims = consumer.processToClaims(token.path("access_token"));
        assertEquals(accountId, claims.getSubject());
        assertEquals(List.of("pwd", "sms"), claims.getStringListClaimValue("amr"));

        await().atMost(Duration.ofSeconds(5)).until(() -> !published(outbox(), LoginSucceeded.class).isEmpty());
        // One event tells of the sign-in and the session it opened, on the sign-ins' own topic.
        Message<String> succeeded = outbox().received().stream()
                .filter(m -> Events.is(Events.fromJson(m.getPayload()), LoginSucceeded.class)).findFirst().orElseThrow();
        assertEquals("lockstep.auth.sign-ins", AuthFixtures.topicOf(succeeded));
        assertEquals(claims.getStringClaimValue("sid"),
                Events.body(Events.fromJson(succeeded.getPayload()), LoginSucceeded.class).sessionId());
        assertTrue(published(outbox(), SessionChanged.class).isEmpty(), outbox().received().toString());

        // The challenge is spent: the same code does not log in twice.
        given().contentType(ContentType.JSON).body(Map.of("code", "123456"))
                .post("/v1/login/" + challengeId + "/verify").then().statusCode(409)
                .body("type", equalTo("tag:lockstep.dev,2026:problem:challenge-completed"));
    }

    @Test
    void eachWrongCodeOutcomeHasItsOwnStatusAndType() {
        String username = uniqueUsername();
        String accountId = accountWithPhone(otp, username);
        String challengeId = login(username, PASSWORD).path("challengeId");
        when(otp.check(eq(challengeId), eq(accountId), eq("000001"), eq(factorOf(accountId)), notNull()))
                .thenReturn(new CodeCheckResult(Outcome.INVALID, 4, "sms"));
        when(otp.check(eq(challengeId), eq(accountId), eq("000002"), eq(factorOf(accountId)), notNull()))
                .thenReturn(new CodeCheckResult(Outcome.SUPERSEDED, 4, "sms"));
        when(otp.check(eq(challengeId), eq(accountId), eq("000003"), eq(factorOf(accountId)), notNull()))
                .thenReturn(new CodeCheckResult(Outcome.EXPIRED, 4, "sms"));
        when(otp.check(eq(challengeId), eq(accountId), eq("000004"), eq(factorOf(accountId)), notNull()))
                .thenReturn(new CodeCheckResult(Outcome.ATTEMPTS_EXHAUSTED, 0, "sms"));

        verify(challengeId, "000001", 401, "code-invalid").body("remainingAttempts", equalTo(4));
        verify(challengeId, "000002", 401, "code-superseded");
        verify(challengeId, "000003", 410, "code-expired");
        verify(challengeId, "000004", 429, "too-many-attempts");

        await().atMost(Duration.ofSeconds(5)).until(() -> published(outbox(), LoginFailed.class).size() == 4);
        assertTrue(outbox().received().stream().filter(m -> Events.is(Events.fromJson(m.getPayload()), LoginFailed.class))
                .allMatch(m -> "lockstep.auth.sign-ins".equals(AuthFixtures.topicOf(m))));
    }

    @Test
    void resendingAsksOtpServiceForANewCodeUntilTheLimit() {
        String username = uniqueUsername();
        String accountId = accountWithPhone(otp, username);
        String challengeId = login(username, PASSWORD).path("challengeId");

        for (int sends = 2; sends <= 5; sends++) {
            given().post("/v1/login/" + challengeId + "/send").then().statusCode(202)
                    .body("status", equalTo("CODE_SENT")).body("sends", equalTo(sends));
        }
        given().post("/v1/login/" + challengeId + "/send").then().statusCode(429)
                .body("type", equalTo("tag:lockstep.dev,2026:problem:too-many-sends"));
        await().atMost(Duration.ofSeconds(5)).until(() -> published(outbox(), LoginCodeRequested.class).size() == 4);
        assertEquals(accountId, Events.body(published(outbox(), LoginCodeRequested.class).get(0), LoginCodeRequested.class)
                .accountId());
    }

    private ClockChanged advanceClock(Duration by) {
        return ClockFixture.advance(connector, clock, by);
    }

    @Test
    void aChallengeExpiresOnTheSandboxClock() {
        String username = uniqueUsername();
        accountWithPhone(otp, username);
        String challengeId = login(username, PASSWORD).path("challengeId");

        ClockChanged later = advanceClock(Duration.ofMinutes(16));

        given().contentType(ContentType.JSON).body(Map.of("code", "123456"))
                .post("/v1/login/" + challengeId + "/verify").then().statusCode(410)
                .body("type", equalTo("tag:lockstep.dev,2026:problem:challenge-expired"));
        given().get("/v1/clock").then().statusCode(200).body("revision", equalTo((int) later.revision()));
    }

    private ValidatableResponse verify(String challengeId, String code, int status, String slug) {
        return given().contentType(ContentType.JSON).body(Map.of("code", code))
                .post("/v1/login/" + challengeId + "/verify").then().statusCode(status)
                .contentType("application/problem+json")
                .body("type", startsWith("tag:lockstep.dev,2026:problem:" + slug));
    }

    @Test
    void anAuthenticatorAppIsOfferedFirstSendsNothingAndSignsInWithTheOtpMethod() {
        String username = uniqueUsername();
        String accountId = createAccount(username);
        String app = UUID.randomUUID().toString();
        when(otp.factors(accountId)).thenReturn(List.of(FactorView.silent(app, "totp"),
                FactorView.phone(factorOf(accountId), "+81 ••••••••78")));
        ExtractableResponse<Response> login = login(username, PASSWORD);
        assertEquals(List.of("totp", "sms"), login.path("factors.type"));
        String challengeId = login.path("challengeId");

        given().post("/v1/login/" + challengeId + "/send").then().statusCode(400)
                .body("type", equalTo("tag:lockstep.dev,2026:problem:factor-sends-no-code"));

        when(otp.check(eq(challengeId), eq(accountId), eq("246810"), eq(app), notNull()))
                .thenReturn(new CodeCheckResult(Outcome.VALID, 5, "totp"));
        String token = given().contentType(ContentType.JSON).body(Map.of("code", "246810"))
                .post("/v1/login/" + challengeId + "/verify").then().statusCode(200).extract().path("access_token");
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        assertTrue(claims.contains("\"amr\":[\"pwd\",\"otp\"]"), claims);
    }

    @Test
    void aCodeCanBeAskedForByACallAndOtherChannelsAreRefused() {
        String username = uniqueUsername();
        String accountId = accountWithPhone(otp, username);
        String challengeId = login(username, PASSWORD).path("challengeId");
        given().contentType(ContentType.JSON).body("{\"channel\":\"fax\"}")
                .post("/v1/login/" + challengeId + "/send").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"channel\":\"voice\"}")
                .post("/v1/login/" + challengeId + "/send").then().statusCode(202);
        await().atMost(Duration.ofSeconds(5)).until(() -> published(outbox(), LoginCodeRequested.class).size() == 1);
        LoginCodeRequested requested = Events.body(published(outbox(), LoginCodeRequested.class).get(0),
                LoginCodeRequested.class);
        assertEquals(new LoginCodeRequested(challengeId, accountId, factorOf(accountId), "voice"), requested);
    }

    @Test
    void aPolicyWithACooldownMakesAnEarlyResendWaitAndTellsHowLong() {
        String username = uniqueUsername();
        String accountId = accountWithPhone(otp, username);
        when(otp.policy(accountId, "sms")).thenReturn(new CodePolicyView("sms", null, 6, "PT10M", 5, 5, "PT30S", "new-code"));
        String challengeId = login(username, PASSWORD).path("challengeId");
        given().post("/v1/login/" + challengeId + "/send").then().statusCode(429)
                .header("Retry-After", Integer::parseInt, Matchers.both(Matchers.greaterThan(20))
                        .and(Matchers.lessThanOrEqualTo(30)))
                .body("type", equalTo("tag:lockstep.dev,2026:problem:resend-too-soon"));
        advanceClock(Duration.ofSeconds(31));
        given().post("/v1/login/" + challengeId + "/send").then().statusCode(202).body("sends", equalTo(2));
    }

}
