package dev.lockstep.otp;

import static dev.lockstep.platform.testing.InMemoryEvents.outbox;
import static dev.lockstep.platform.testing.TestTokens.ADMIN;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockstep.contracts.AccountCreated;
import dev.lockstep.contracts.CloudEvent;
import dev.lockstep.contracts.CodeIssued;
import dev.lockstep.contracts.Events;
import dev.lockstep.contracts.FactorAdded;
import dev.lockstep.contracts.LoginChallengeCreated;
import dev.lockstep.contracts.LoginCodeRequested;
import dev.lockstep.contracts.OutboundMessage;
import dev.lockstep.otp.domain.IssuedCode;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.testing.ClockFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySource;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OtpFlowTest {

    private static final String INTERNAL = "Bearer test-internal-token";
    private static final AtomicInteger PHONES = new AtomicInteger(2000);

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    SandboxClock clock;

    private InMemorySource<String> authEvents;

    @BeforeEach
    void setUp() {
        authEvents = connector.source("auth-events");
    }

    /** An account whose phone otp-service registered; returns {accountId, factorId, phone}. */
    private String[] accountWithPhone() {
        String accountId = UUID.randomUUID().toString();
        String phone = "+8190" + String.format("%04d", PHONES.incrementAndGet()) + "5678";
        authEvents.send(Events.toJson(Events.envelope("/lockstep/auth-service", accountId, Instant.now(), null,
                new AccountCreated(accountId, "u-" + accountId, phone))));
        await().atMost(Duration.ofSeconds(5)).until(() -> !factors(accountId).isEmpty());
        return new String[] { accountId, factors(accountId).get(0), phone };
    }

    private List<String> factors(String accountId) {
        return given().header("Authorization", INTERNAL).get("/v1/internal/accounts/" + accountId + "/factors")
                .then().statusCode(200).extract().path("id");
    }

    private String challenge(String accountId, String factorId, String correlationId) {
        String challengeId = UUID.randomUUID().toString();
        authEvents.send(Events.toJson(Events.envelope("/lockstep/auth-service", accountId, Instant.now(), correlationId,
                new LoginChallengeCreated(challengeId, accountId, factorId, Instant.now().plusSeconds(900)))));
        return challengeId;
    }

    /** Waits for the n-th outbound message to a phone and reads the code out of its text. */
    private String codeSentTo(String phone, int nth) {
        await().atMost(Duration.ofSeconds(5)).until(() -> messagesTo(phone).size() >= nth);
        String text = messagesTo(phone).get(nth - 1).text();
        Matcher digits = Pattern.compile("\\b(\\d{4,8})\\b").matcher(text);
        assertTrue(digits.find(), text);
        return digits.group(1);
    }

    private List<OutboundMessage> messagesTo(String phone) {
        return outbox().received().stream()
                .filter(m -> "lockstep.messages.outbound".equals(topic(m)))
                .map(m -> Events.body(Events.fromJson(m.getPayload()), OutboundMessage.class))
                .filter(m -> m.to().equals(phone))
                .toList();
    }

    private static String topic(Message<String> message) {
        return message.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow().getTopic();
    }

    private ValidatableResponse check(String challengeId, String accountId, String code) {
        return given().header("Authorization", INTERNAL).contentType(ContentType.JSON)
                .body(Map.of("accountId", accountId, "code", code))
                .post("/v1/internal/challenges/" + challengeId + "/check").then().statusCode(200);
    }

    @Test
    void newAccountPhoneBecomesAMaskedSmsFactor() {
        String[] account = accountWithPhone();
        given().header("Authorization", INTERNAL).get("/v1/internal/accounts/" + account[0] + "/factors")
                .then().body("$", hasSize(1)).body("[0].type", equalTo("sms"))
                .body("[0].maskedPhone", equalTo("+81 ••••••••78"));
        await().atMost(Duration.ofSeconds(5)).until(() -> outbox().received().stream()
                .anyMatch(m -> Events.is(Events.fromJson(m.getPayload()), FactorAdded.class)));
    }

    @Test
    void challengeSendsASixDigitCodeOnceAndStoresOnlyItsHash() {
        String[] account = accountWithPhone();
        String correlation = UUID.randomUUID().toString();
        String challengeId = challenge(account[0], account[1], correlation);
        String code = codeSentTo(account[2], 1);

        CloudEvent outbound = outbox().received().stream().map(m -> Events.fromJson(m.getPayload()))
                .filter(e -> Events.is(e, OutboundMessage.class)).filter(e -> account[2].equals(e.subject()))
                .findFirst().orElseThrow();
        assertEquals(correlation, outbound.correlationid());
        OutboundMessage message = Events.body(outbound, OutboundMessage.class);
        assertEquals("login-code", message.kind());
        assertEquals("Lockstep", message.sender());

        List<IssuedCode> stored = QuarkusTransaction.requiringNew().call(() -> IssuedCode.ofChallenge(challengeId));
        assertEquals(1, stored.size());
        assertFalse(stored.get(0).codeHash.contains(code));
        assertEquals(64, stored.get(0).codeHash.length());
        // The code never appears in otp-service's own events.
        outbox().received().stream().map(m -> Events.fromJson(m.getPayload()))
                .filter(e -> Events.is(e, CodeIssued.class))
                .forEach(e -> assertFalse(e.data().toString().contains(code)));

        check(challengeId, account[0], code).body("outcome", equalTo("VALID"));
        check(challengeId, account[0], code).body("outcome", equalTo("USED"));
    }

    @Test
    void theSameVerifyAttemptAskedAgainGetsTheSameAnswerAndAnyOtherFindsTheCodeSpent() {
        String[] account = accountWithPhone();
        String challengeId = challenge(account[0], account[1], null);
        String code = codeSentTo(account[2], 1);

        checkAs(challengeId, account[0], code, "attempt-1").body("outcome", equalTo("VALID")).body("factorType",
                equalTo("sms"));
        // auth-service lost that answer and asks again for the same attempt: the code is not spent twice
        checkAs(challengeId, account[0], code, "attempt-1").body("outcome", equalTo("VALID")).body("factorType",
                equalTo("sms"));
        checkAs(challengeId, account[0], code, "attempt-2").body("outcome", equalTo("USED"));
        check(challengeId, account[0], code).body("outcome", equalTo("USED"));
        // an attempt id is no key to another account's challenge
        checkAs(challengeId, accountWithPhone()[0], code, "attempt-1").body("outcome", equalTo("NO_CODE"));
        given().header("Authorization", INTERNAL).contentType(ContentType.JSON)
                .body(Map.of("accountId", account[0], "code", code, "attemptId", "not an id!"))
                .post("/v1/internal/challenges/" + challengeId + "/check").then().statusCode(400);
    }

    private ValidatableResponse checkAs(String challengeId, String accountId, String code,
            String attemptId) {
        return given().header("Authorization", INTERNAL).contentType(ContentType.JSON)
                .body(Map.of("accountId", accountId, "code", code, "attemptId", attemptId))
                .post("/v1/internal/challenges/" + challengeId + "/check").then().statusCode(200);
    }

    @Test
    void aRedeliveredChallengeEventSendsNoSecondCode() {
        String[] account = accountWithPhone();
        String challengeId = UUID.randomUUID().toString();
        String event = Events.toJson(Events.envelope("/lockstep/auth-service", account[0], Instant.now(), null,
                new LoginChallengeCreated(challengeId, account[0], account[1], Instant.now().plusSeconds(900))));
        authEvents.send(event);
        authEvents.send(event);
        codeSentTo(account[2], 1);
        // A later, distinct event still gets through, so the repeat really was skipped, not just slow.
        authEvents.send(Events.toJson(Events.envelope("/lockstep/auth-service", account[0], Instant.now(), null,
                new LoginCodeRequested(challengeId, account[0], account[1], null))));
        codeSentTo(account[2], 2);
        assertEquals(2, messagesTo(account[2]).size());
    }

    @Test
    void aResentCodeReplacesThePreviousOne() {
        String[] account = accountWithPhone();
        String challengeId = challenge(account[0], account[1], null);
        String first = codeSentTo(account[2], 1);
        authEvents.send(Events.toJson(Events.envelope("/lockstep/auth-service", account[0], Instant.now(), null,
                new LoginCodeRequested(challengeId, account[0], account[1], null))));
        String second = codeSentTo(account[2], 2);
        assertNotEquals(first, second);

        check(challengeId, account[0], first).body("outcome", equalTo("SUPERSEDED"));
        check(challengeId, account[0], second).body("outcome", equalTo("VALID"));
    }

    @Test
    void fiveWrongCodesExhaustTheChallenge() {
        String[] account = accountWithPhone();
        String challengeId = challenge(account[0], account[1], null);
        String code = codeSentTo(account[2], 1);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int remaining = 4; remaining >= 0; remaining--) {
            check(challengeId, account[0], wrong).body("outcome", equalTo("INVALID"))
                    .body("remainingAttempts", equalTo(remaining));
        }
        check(challengeId, account[0], code).body("outcome", equalTo("ATTEMPTS_EXHAUSTED"));
    }

    @Test
    void aCodeExpiresTenMinutesLaterOnTheSandboxClock() {
        String[] account = accountWithPhone();
        String challengeId = challenge(account[0], account[1], null);
        String code = codeSentTo(account[2], 1);

        ClockFixture.advance(connector, clock, Duration.ofMinutes(10));

        check(challengeId, account[0], code).body("outcome", equalTo("EXPIRED"));
    }

    @Test
    void theInternalApiDemandsTheInternalToken() {
        given().get("/v1/internal/accounts/x/factors").then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("tag:lockstep.dev,2026:problem:unauthorized"));
        given().header("Authorization", "Bearer test-admin-token").get("/v1/internal/accounts/x/factors")
                .then().statusCode(401);
    }

    @Test
    void badCheckRequestsAreProblemsAndSpendNothing() {
        String[] account = accountWithPhone();
        String challengeId = challenge(account[0], account[1], null);
        String code = codeSentTo(account[2], 1);
        given().header("Authorization", INTERNAL).contentType(ContentType.JSON).body("{\"code\":")
                .post("/v1/internal/challenges/" + challengeId + "/check").then().statusCode(400)
                .body("type", equalTo("tag:lockstep.dev,2026:problem:malformed-json"));
        given().header("Authorization", INTERNAL).contentType(ContentType.JSON)
                .body(Map.of("accountId", account[0], "code", "12ab"))
                .post("/v1/internal/challenges/" + challengeId + "/check").then().statusCode(400);
        check(UUID.randomUUID().toString(), account[0], code).body("outcome", equalTo("NO_CODE"));
        check(challengeId, account[0], code).body("outcome", equalTo("VALID"));
    }

    @Test
    void aSecondTrustedPhoneCanGetTheCodeByACallThatReadsItOut() {
        String[] account = accountWithPhone();
        String second = "+8180" + String.format("%04d", PHONES.incrementAndGet()) + "1212";
        String phones = "/v1/admin/accounts/" + account[0] + "/phones";
        String secondId = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("phone", second)).post(phones).then().statusCode(201)
                .body("maskedPhone", equalTo("+81 ••••••••12")).body("channels", equalTo(List.of("sms", "voice")))
                .extract().path("id");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("phone", second))
                .post(phones).then().statusCode(409);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("phone", "12345"))
                .post(phones).then().statusCode(400);
        assertEquals(List.of(account[1], secondId), factors(account[0]));

        String challengeId = challenge(account[0], account[1], null);
        codeSentTo(account[2], 1);
        authEvents.send(Events.toJson(Events.envelope("/lockstep/auth-service", account[0], Instant.now(), null,
                new LoginCodeRequested(challengeId, account[0], secondId, "voice"))));
        await().atMost(Duration.ofSeconds(5)).until(() -> messagesTo(second).size() == 1);
        OutboundMessage call = messagesTo(second).get(0);
        assertEquals("voice", call.channel());
        String spoken = call.text().replaceAll(".*code is: ([0-9, ]+)\\. Again.*", "$1");
        String code = spoken.replace(", ", "");
        assertTrue(code.matches("[0-9]{6}"), call.text());
        check(challengeId, account[0], code).body("outcome", equalTo("VALID"));

        given().header("Authorization", ADMIN).delete(phones + "/" + secondId).then().statusCode(204);
        given().header("Authorization", ADMIN).delete(phones + "/" + account[1]).then().statusCode(409)
                .body("type", equalTo("tag:lockstep.dev,2026:problem:last-phone"));
        assertEquals(List.of(account[1]), factors(account[0]));
    }

    private static ValidatableResponse putPolicy(String path, String body) {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body).put(path).then();
    }

    @Test
    void anAccountOnTheApple2svPresetGetsFourDigitCodes() {
        String[] account = accountWithPhone();
        putPolicy("/v1/admin/accounts/" + account[0] + "/code-policies/sms", "{\"preset\":\"apple-2sv\"}")
                .statusCode(200).body("digits", equalTo(4)).body("preset", equalTo("apple-2sv"));
        challenge(account[0], account[1], null);
        assertTrue(codeSentTo(account[2], 1).matches("[0-9]{4}"));
        given().header("Authorization", INTERNAL).get("/v1/internal/accounts/" + account[0] + "/code-policies/sms")
                .then().statusCode(200).body("digits", equalTo(4)).body("maxSends", equalTo(5));
    }

    @Test
    void twilioVerifyResendsTheSameCodeAndRefusesTheSixthCheck() {
        String[] account = accountWithPhone();
        putPolicy("/v1/admin/accounts/" + account[0] + "/code-policies/sms", "{\"preset\":\"twilio-verify\"}")
                .statusCode(200).body("resendMode", equalTo("same-code"));
        String challengeId = challenge(account[0], account[1], null);
        String first = codeSentTo(account[2], 1);
        authEvents.send(Events.toJson(Events.envelope("/lockstep/auth-service", account[0], Instant.now(), null,
                new LoginCodeRequested(challengeId, account[0], account[1], null))));
        assertEquals(first, codeSentTo(account[2], 2), "the same code, re-sent while valid");
        String wrong = first.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            check(challengeId, account[0], wrong).body("outcome", equalTo("INVALID"));
        }
        check(challengeId, account[0], first).body("outcome", equalTo("ATTEMPTS_EXHAUSTED"));
    }

    @Test
    void sandboxPoliciesAreSetReadAndClearedAndBadOnesChangeNothing() {
        String sandbox = "/v1/admin/code-policies/voice";
        putPolicy(sandbox, "{\"preset\":\"nist-800-63b\",\"lifetime\":\"PT5M\",\"resendCooldown\":\"PT30S\"}")
                .statusCode(200).body("lifetime", equalTo("PT5M")).body("resendCooldown", equalTo("PT30S"));
        for (String bad : List.of("{\"preset\":\"fast\"}", "{\"digits\":3}", "{\"lifetime\":\"soon\"}",
                "{\"lifetime\":\"P2D\"}", "{\"resendMode\":\"sometimes\"}", "{\"maxSends\":0}", "{\"digits\":\"six\"}")) {
            putPolicy(sandbox, bad).statusCode(400).contentType("application/problem+json");
        }
        given().header("Authorization", ADMIN).get(sandbox).then().body("lifetime", equalTo("PT5M"));
        putPolicy("/v1/admin/code-policies/fax", "{}").statusCode(400);
        putPolicy("/v1/admin/accounts/" + UUID.randomUUID() + "/code-policies/sms", "{}").statusCode(404);
        given().put(sandbox).then().statusCode(401);
        given().header("Authorization", ADMIN).delete(sandbox).then().statusCode(204);
        given().header("Authorization", ADMIN).delete(sandbox).then().statusCode(404);
        given().header("Authorization", ADMIN).get(sandbox).then().body("lifetime", equalTo("PT10M"));
        given().header("Authorization", ADMIN).get("/v1/admin/code-policy-presets").then()
                .body("'apple-2sv'.digits", equalTo(4)).body("'twilio-verify'.resendMode", equalTo("same-code"));
    }
}
