package dev.lockstep.e2e;

import static dev.lockstep.e2e.support.Lockstep.PASSWORD;
import static dev.lockstep.e2e.support.Lockstep.challenge;
import static dev.lockstep.e2e.support.Lockstep.login;
import static dev.lockstep.e2e.support.Lockstep.newAccount;
import static dev.lockstep.e2e.support.Lockstep.nthCode;
import static dev.lockstep.e2e.support.Lockstep.send;
import static dev.lockstep.e2e.support.Lockstep.verify;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockstep.e2e.support.Lockstep;
import dev.lockstep.e2e.support.SharedSandbox;
import dev.lockstep.launcher.Service;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The SMS-code login across the real broker and the four services. */
@ExtendWith(SharedSandbox.class)
@Order(1)
class LoginFlowIT {

    @Test
    void passwordThenSmsCodeGivesATokenThatVerifiesAgainstTheJwks() throws Exception {
        Lockstep.Account account = newAccount();
        Response opened = login(account.username(), PASSWORD);
        assertEquals(200, opened.statusCode(), opened.asString());
        assertEquals("MFA_REQUIRED", opened.path("status"));
        String masked = opened.path("factors[0].maskedPhone");
        assertTrue(masked.endsWith(account.phone().substring(account.phone().length() - 2)), masked);
        assertTrue(masked.contains("•"), masked);

        String code = nthCode(account.phone(), 1);
        assertTrue(code.matches("[0-9]{6}"), code);
        Map<String, Object> message = Lockstep.inbox(account.phone()).get(0);
        assertEquals("delivered", message.get("status"));
        assertEquals("sms", message.get("channel"));

        Response token = verify(opened.path("challengeId"), code);
        assertEquals(200, token.statusCode(), token.asString());
        assertEquals("Bearer", token.path("token_type"));

        String jwks = given().get(SharedSandbox.url(Service.AUTH) + "/.well-known/jwks.json").asString();
        String now = given().get(SharedSandbox.url(Service.AUTH) + "/v1/clock").path("now");
        JwtClaims claims = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(new JsonWebKeySet(jwks).getJsonWebKeys()))
                .setExpectedIssuer(SharedSandbox.url(Service.AUTH))
                .setExpectedAudience("lockstep")
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireJwtId()
                .setEvaluationTime(NumericDate.fromMilliseconds(Instant.parse(now).toEpochMilli()))
                .build()
                .processToClaims(token.path("access_token"));
        assertEquals(account.id(), claims.getSubject());
        assertEquals(List.of("pwd", "sms"), claims.getStringListClaimValue("amr"));
        assertEquals(account.username(), claims.getStringClaimValue("preferred_username"));
    }

    @Test
    void aResentCodeInvalidatesTheFirst() {
        Lockstep.Account account = newAccount();
        String challengeId = challenge(account);
        String first = nthCode(account.phone(), 1);
        assertEquals(202, send(challengeId).statusCode());
        String second = nthCode(account.phone(), 2);
        assertNotEquals(first, second);

        Response old = verify(challengeId, first);
        assertEquals(401, old.statusCode());
        assertEquals("tag:lockstep.dev,2026:problem:code-superseded", old.path("type"));
        assertEquals(200, verify(challengeId, second).statusCode());
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() {
        Lockstep.Account account = newAccount();
        Response wrong = login(account.username(), "not-the-password");
        Response unknown = login("nobody-" + account.username(), "not-the-password");
        assertEquals(401, wrong.statusCode());
        assertEquals(401, unknown.statusCode());
        assertEquals(wrong.asString(), unknown.asString());
        assertEquals("application/problem+json", wrong.contentType());
    }

    @Test
    void wrongCodesCountDownAndTheSixthTryIsRefusedWith429() {
        Lockstep.Account account = newAccount();
        String challengeId = challenge(account);
        String code = nthCode(account.phone(), 1);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int remaining = 4; remaining >= 0; remaining--) {
            Response response = verify(challengeId, wrong);
            assertEquals(401, response.statusCode());
            assertEquals(remaining, (int) response.path("remainingAttempts"));
        }
        Response exhausted = verify(challengeId, code);
        assertEquals(429, exhausted.statusCode());
        assertEquals("tag:lockstep.dev,2026:problem:too-many-attempts", exhausted.path("type"));
    }

    @Test
    void aUsedCodeDoesNotLogInTwice() {
        Lockstep.Account account = newAccount();
        String challengeId = challenge(account);
        String code = nthCode(account.phone(), 1);
        assertEquals(200, verify(challengeId, code).statusCode());
        assertEquals(409, verify(challengeId, code).statusCode());
    }

    @Test
    void recoveryServiceLearnsOfEveryNewAccount() {
        Lockstep.Account account = newAccount();
        await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", Lockstep.admin())
                .get(SharedSandbox.url(Service.RECOVERY) + "/v1/admin/accounts/" + account.id()).statusCode() == 200);
        given().header("Authorization", Lockstep.admin())
                .get(SharedSandbox.url(Service.RECOVERY) + "/v1/admin/accounts/" + account.id())
                .then().body("username", Matchers.equalTo(account.username()));
    }
}
