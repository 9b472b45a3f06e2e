package dev.lockstep.otp;

import static dev.lockstep.platform.testing.TestTokens.ADMIN;
import static dev.lockstep.platform.testing.TestTokens.INTERNAL;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lockstep.contracts.Events;
import dev.lockstep.contracts.OutboundMessage;
import dev.lockstep.platform.clock.SandboxClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What recovery-service asks otp-service: which phone has this number, a code to it, phones replaced. */
@QuarkusTest
class RecoveryInternalTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    SandboxClock clock;

    private static ValidatableResponse internal(String method, String path, Object body) {
        return given().header("Authorization", INTERNAL).contentType(ContentType.JSON).body(body)
                .request(method, "/v1/internal/accounts/" + path).then();
    }

    private static List<String> phones(String accountId) {
        return given().header("Authorization", ADMIN).get("/v1/admin/accounts/" + accountId + "/phones").then()
                .statusCode(200).extract().jsonPath().getList("findAll { it.type == 'sms' }.maskedPhone");
    }

    private String phoneOf(String accountId) {
        return connector.<String> sink("outbox").received().stream().map(m -> Events.fromJson(m.getPayload()))
                .filter(e -> "lockstep.factor.added.v1".equals(e.type()) && accountId.equals(e.subject())).findFirst()
                .map(e -> e.data().get("factorId").asText()).orElseThrow();
    }

    @Test
    void aTrustedNumberIsFoundInAnyFormatAndOthersAreNot() {
        String accountId = OtpFixtures.account(connector);
        String factorId = phoneOf(accountId);
        String e164 = OtpFixtures.lastPhone();
        String spaced = e164.substring(0, 3) + " " + e164.substring(3, 5) + " " + e164.substring(5, 9) + " "
                + e164.substring(9);
        internal("POST", accountId + "/phones/match", Map.of("phone", spaced)).statusCode(200)
                .body("factorId", equalTo(factorId));
        internal("POST", accountId + "/phones/match", Map.of("phone", e164)).statusCode(200)
                .body("factorId", equalTo(factorId));
        internal("POST", accountId + "/phones/match", Map.of("phone", "+819011112222")).statusCode(200)
                .body("factorId", nullValue());
        internal("POST", accountId + "/phones/match", Map.of("phone", "not a number")).statusCode(400);
    }

    @Test
    void aRecoveryCodeGoesToTheChosenPhoneAndIsCheckedLikeALoginCode() {
        String accountId = OtpFixtures.account(connector);
        String factorId = phoneOf(accountId);
        String caseId = UUID.randomUUID().toString();
        internal("POST", accountId + "/factors/" + factorId + "/codes", Map.of("challengeId", caseId)).statusCode(202);
        String phone = OtpFixtures.lastPhone();
        await().atMost(Duration.ofSeconds(5)).until(() -> !messagesTo(phone).isEmpty());
        Matcher code = Pattern.compile("(\\d{6})").matcher(messagesTo(phone).get(0).text());
        code.find();
        OtpFixtures.check(caseId, accountId, code.group(1), factorId).body("outcome", equalTo("VALID"));
        internal("POST", accountId + "/factors/" + UUID.randomUUID() + "/codes", Map.of("challengeId", caseId))
                .statusCode(404);
    }

    private List<OutboundMessage> messagesTo(String phone) {
        return connector.<String> sink("outbox").received().stream().map(m -> Events.fromJson(m.getPayload()))
                .filter(e -> Events.is(e, OutboundMessage.class)).map(e -> Events.body(e, OutboundMessage.class))
                .filter(m -> m.to().equals(phone)).toList();
    }

    @Test
    void afterAWaitingPeriodTheRecoveryNumberIsTheOnlyTrustedPhone() {
        String accountId = OtpFixtures.account(connector);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("phone", "+819055554444"))
                .post("/v1/admin/accounts/" + accountId + "/phones").then().statusCode(201);
        assertEquals(2, phones(accountId).size());
        internal("PUT", accountId + "/trusted-phones", Map.of("phone", "+81 80 1234 0099")).statusCode(204);
        List<String> now = phones(accountId);
        assertEquals(1, now.size());
        assertEquals("99", now.get(0).substring(now.get(0).length() - 2));
        internal("PUT", accountId + "/trusted-phones", Map.of("phone", "+81 80 1234 0099")).statusCode(204);
        assertEquals(1, phones(accountId).size());
    }

    @Test
    void anEscalationRemovesTheFactorsAddedSinceButNeverTheLastPhone() {
        String accountId = OtpFixtures.account(connector);
        String since = clock.instant().toString();
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("phone", "+819066667777"))
                .post("/v1/admin/accounts/" + accountId + "/phones").then().statusCode(201);
        internal("POST", accountId + "/escalation", Map.of("caseId", "c", "since", since)).statusCode(200)
                .body("factors", equalTo(1));
        assertEquals(1, phones(accountId).size());
        assertEquals("78", phones(accountId).get(0).substring(phones(accountId).get(0).length() - 2));
        internal("POST", accountId + "/escalation", Map.of("caseId", "c")).statusCode(400);
    }
}
