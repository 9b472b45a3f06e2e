package dev.lockstep.recovery;

import static dev.lockstep.recovery.RecoveryFixtures.account;
import static dev.lockstep.recovery.RecoveryFixtures.admin;
import static dev.lockstep.recovery.RecoveryFixtures.code;
import static dev.lockstep.recovery.RecoveryFixtures.lastMessageTo;
import static dev.lockstep.recovery.RecoveryFixtures.messagesTo;
import static dev.lockstep.recovery.RecoveryFixtures.post;
import static dev.lockstep.recovery.RecoveryFixtures.recoveryPhone;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.lockstep.contracts.CloudEvent;
import dev.lockstep.contracts.Events;
import dev.lockstep.contracts.LoginSucceeded;
import dev.lockstep.contracts.OutboundMessage;
import dev.lockstep.contracts.RecoveryCaseChanged;
import dev.lockstep.contracts.http.CodeCheckResult;
import dev.lockstep.contracts.http.FactorView;
import dev.lockstep.contracts.http.RecoveryCalls;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.inbox.ProcessedEvent;
import dev.lockstep.platform.testing.ClockFixture;
import dev.lockstep.platform.testing.InMemoryEvents;
import dev.lockstep.recovery.service.IdpGateway;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

/**
 * recovery-service's own behaviour with auth-service and otp-service mocked at its gateway (the
 * end-to-end suite runs the same stories against the real services).
 */
@QuarkusTest
class RecoveryFlowTest {

    @InjectMock
    IdpGateway idp;

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    SandboxClock clock;

    @AfterEach
    void defaults() {
        admin("PUT", "/v1/admin/recovery/settings", Map.of("cancelOn", "any-sign-in")).statusCode(200);
    }

    private String startWaiting(RecoveryFixtures.Account a, String recoveryPhone, String deviceId) {
        return post("/v1/recovery/cases", Map.of("username", a.username(), "trustedPhone", a.trustedPhone(),
                "recoveryPhone", recoveryPhone, "deviceId", deviceId))
                .statusCode(201).body("status", equalTo("VERIFYING_CONTACT")).extract().path("caseId");
    }

    private void verifyRecoveryPhone(String caseId, String recoveryPhone) {
        String code = code(lastMessageTo(connector, recoveryPhone), 6);
        post("/v1/recovery/cases/" + caseId + "/verify-contact", Map.of("code", code)).statusCode(200)
                .body("status", equalTo("REQUESTED"));
    }

    @Test
    void aWaitingPeriodRecoveryEndsWithANewPasswordAndTheRecoveryPhoneAsTrustedPhone() {
        RecoveryFixtures.Account a = account(idp);
        String phone = recoveryPhone();
        String caseId = startWaiting(a, phone, "old-laptop");
        OutboundMessage sms = lastMessageTo(connector, phone);
        String code = code(sms, 6);
        String wrong = code.equals("000000") ? "111111" : "000000";
        post("/v1/recovery/cases/" + caseId + "/verify-contact", Map.of("code", wrong)).statusCode(401)
                .body("type", containsString("code-invalid"));
        post("/v1/recovery/cases/" + caseId + "/verify-contact", Map.of("code", code)).statusCode(200)
                .body("status", equalTo("REQUESTED")).body("expectedAt", nullValue());

        // the owner's mailbox hears of it; the status is visible after a day, the wait ends after three
        assertTrue(lastMessageTo(connector, a.email()).text().contains("cancel"));
        ClockFixture.advance(connector, clock, Duration.ofDays(1).plusMinutes(1));
        given().get("/v1/recovery/cases/" + caseId).then().statusCode(200).body("status", equalTo("WAITING"));
        post("/v1/recovery/cases/" + caseId + "/complete", Map.of("code", "12345678", "newPassword", "a new password"))
                .statusCode(409).body("type", containsString("case-not-ready"));

        ClockFixture.advance(connector, clock, Duration.ofDays(2));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> "READY".equals(given().get("/v1/recovery/cases/" + caseId).then().extract().path("status")));
        OutboundMessage ready = lastMessageTo(connector, phone);
        assertTrue(ready.text().contains("ready"), ready.text());
        post("/v1/recovery/cases/" + caseId + "/complete", Map.of("code", code(ready, 8), "newPassword", "a new password"))
                .statusCode(200).body("status", equalTo("COMPLETED"));
        verify(idp).restore(eq(a.id()), eq(caseId), eq("a new password"), anyString());
        verify(idp).replacePhones(eq(a.id()), eq(phone), anyString());
        post("/v1/recovery/cases/" + caseId + "/complete", Map.of("code", code(ready, 8), "newPassword", "a new password"))
                .statusCode(409).body("type", containsString("case-closed"));

        List<String> statuses = InMemoryEvents.published(connector, RecoveryCaseChanged.class).stream()
                .map(e -> Events.body(e, RecoveryCaseChanged.class)).filter(c -> c.caseId().equals(caseId))
                .map(RecoveryCaseChanged::status).toList();
        assertEquals(List.of("VERIFYING_CONTACT", "WAITING", "READY", "COMPLETED"), statuses);
    }

    @Test
    void aResentCodeReplacesTheFirstAndSendsStopAtFive() {
        RecoveryFixtures.Account a = account(idp);
        String phone = recoveryPhone();
        String caseId = startWaiting(a, phone, "pc-2");
        String first = code(lastMessageTo(connector, phone), 6);
        post("/v1/recovery/cases/" + caseId + "/resend", Map.of()).statusCode(202);
        await().atMost(Duration.ofSeconds(5)).until(() -> messagesTo(connector, phone).size() == 2);
        String second = code(lastMessageTo(connector, phone), 6);
        if (!first.equals(second)) { // one chance in a million that the new code is the old one
            post("/v1/recovery/cases/" + caseId + "/verify-contact", Map.of("code", first)).statusCode(401);
        }
        for (int sends = 3; sends <= 5; sends++) {
            post("/v1/recovery/cases/" + caseId + "/resend", Map.of()).statusCode(202);
        }
        post("/v1/recovery/cases/" + caseId + "/resend", Map.of()).statusCode(429)
                .body("type", containsString("too-many-sends"));
        await().atMost(Duration.ofSeconds(5)).until(() -> messagesTo(connector, phone).size() == 5);
        post("/v1/recovery/cases/" + caseId + "/verify-contact", Map.of("code", code(lastMessageTo(connector, phone), 6)))
                .statusCode(200).body("status", equalTo("REQUESTED"));
    }

    @Test
    void aWrongPairAnswersExactlyLikeAnUnknownAccountAndChangesNothing() {
        RecoveryFixtures.Account a = account(idp);
        String phone = recoveryPhone();
        var unknown = post("/v1/recovery/cases", Map.of("username", "nobody-" + UUID.randomUUID().toString().substring(0, 8),
                "trustedPhone", a.trustedPhone(), "recoveryPhone", phone)).statusCode(404).extract().asString();
        var wrongPair = post("/v1/recovery/cases", Map.of("username", a.username(), "trustedPhone", "+819099998888",
                "recoveryPhone", phone)).statusCode(404).extract().asString();
        assertEquals(unknown.replaceAll("\"instance\":\"[^\"]*\"", ""), wrongPair.replaceAll("\"instance\":\"[^\"]*\"", ""));
        assertTrue(messagesTo(connector, phone).isEmpty(), "no code went anywhere");
    }

    @Test
    void anAccountWithARecoveryKeyHasNoWaitingPeriodPath() {
        RecoveryFixtures.Account a = account(idp);
        when(idp.factors(a.id())).thenReturn(List.of(FactorView.phone(a.trustedFactorId(), "+81 ••••••••34"),
                FactorView.silent(UUID.randomUUID().toString(), "recovery-key")));
        post("/v1/recovery/cases", Map.of("username", a.username(), "trustedPhone", a.trustedPhone(),
                "recoveryPhone", recoveryPhone())).statusCode(409)
                .body("type", containsString("recovery-key-required"))
                .body("detail", containsString("cannot be recovered"));
    }

    @Test
    void theRecoveryKeyRestoresAccessAtOnceAndAWrongKeyLooksLikeAnUnknownAccount() {
        RecoveryFixtures.Account a = account(idp);
        String keyId = UUID.randomUUID().toString();
        when(idp.factors(a.id())).thenReturn(List.of(FactorView.silent(keyId, "recovery-key")));
        when(idp.check(anyString(), eq(a.id()), eq("RK-RIGHTKEY0000"), eq(keyId)))
                .thenReturn(new CodeCheckResult(CodeCheckResult.Outcome.VALID, 5, "recovery-key"));
        when(idp.check(anyString(), eq(a.id()), eq("RK-WRONGKEY0000"), eq(keyId)))
                .thenReturn(new CodeCheckResult(CodeCheckResult.Outcome.INVALID, 4, "recovery-key"));
        String wrong = post("/v1/recovery/recovery-key", Map.of("username", a.username(), "recoveryKey", "RK-WRONGKEY0000",
                "newPassword", "a new password")).statusCode(401).extract().path("type");
        String unknown = post("/v1/recovery/recovery-key", Map.of("username", "nobody-at-all", "recoveryKey",
                "RK-WRONGKEY0000", "newPassword", "a new password")).statusCode(401).extract().path("type");
        assertEquals(wrong, unknown);
        verify(idp, never()).restore(eq(a.id()), anyString(), anyString(), anyString());

        post("/v1/recovery/recovery-key", Map.of("username", a.username(), "recoveryKey", "RK-RIGHTKEY0000",
                "newPassword", "a new password")).statusCode(200).body("status", equalTo("COMPLETED"));
        verify(idp).restore(eq(a.id()), anyString(), eq("a new password"), anyString());
        verify(idp, never()).replacePhones(eq(a.id()), anyString(), anyString());
    }

    @Test
    void aSignInDuringTheWaitCancelsItUnlessConfiguredToSpareTheStartingDevice() {
        RecoveryFixtures.Account a = account(idp);
        String phone = recoveryPhone();
        String caseId = startWaiting(a, phone, "kitchen-ipad");
        verifyRecoveryPhone(caseId, phone);
        signIn(a, "kitchen-ipad"); // any sign-in cancels (the default)
        await().atMost(Duration.ofSeconds(5)).until(() -> "CANCELLED".equals(
                admin("GET", "/v1/admin/recovery/cases/" + caseId, null).extract().path("status")));
        admin("GET", "/v1/admin/recovery/cases/" + caseId, null).body("reason", equalTo("sign-in-during-wait"))
                .body("history.status", hasItems("VERIFYING_CONTACT", "WAITING", "CANCELLED"));
        assertTrue(lastMessageTo(connector, a.email()).text().contains("cancelled"));

        admin("PUT", "/v1/admin/recovery/settings", Map.of("cancelOn", "other-device")).statusCode(200);
        String spared = startWaiting(a, phone, "kitchen-ipad");
        verifyRecoveryPhone(spared, phone);
        signIn(a, "kitchen-ipad");
        // a marker: another account's sign-in from another device, processed after the one above
        RecoveryFixtures.Account b = account(idp);
        String bPhone = recoveryPhone();
        String marker = startWaiting(b, bPhone, "desk-pc");
        verifyRecoveryPhone(marker, bPhone);
        signIn(b, "borrowed-phone");
        await().atMost(Duration.ofSeconds(5)).until(() -> "CANCELLED".equals(
                admin("GET", "/v1/admin/recovery/cases/" + marker, null).extract().path("status")));
        admin("GET", "/v1/admin/recovery/cases/" + spared, null).body("status", equalTo("WAITING"));
    }

    @Test
    void aSignInFromBeforeTheCaseWasOpenedLeavesItOpenHoweverLateItsEventArrives() {
        RecoveryFixtures.Account a = account(idp);
        Instant beforeTheCase = clock.instant().minusSeconds(1);
        String phone = recoveryPhone();
        String caseId = startWaiting(a, phone, "kitchen-ipad");
        signIn(a, "kitchen-ipad", beforeTheCase); // read after the case was opened, as under load
        // a marker: another account's sign-in, processed after the one above
        RecoveryFixtures.Account b = account(idp);
        String bPhone = recoveryPhone();
        String marker = startWaiting(b, bPhone, "desk-pc");
        signIn(b, "desk-pc");
        await().atMost(Duration.ofSeconds(5)).until(() -> "CANCELLED".equals(
                admin("GET", "/v1/admin/recovery/cases/" + marker, null).extract().path("status")));
        admin("GET", "/v1/admin/recovery/cases/" + caseId, null).body("status", equalTo("VERIFYING_CONTACT"));
        verifyRecoveryPhone(caseId, phone);
        admin("GET", "/v1/admin/recovery/cases/" + caseId, null).body("status", equalTo("WAITING"));
    }

    @Test
    void theSignInOfAnAccountWithNoWaitingRecoveryLeavesNoTrace() {
        RecoveryFixtures.Account a = account(idp);
        String ignored = signIn(a, "kitchen-ipad");
        // a marker: another account's sign-in that ends its wait, processed after the one above
        RecoveryFixtures.Account b = account(idp);
        String bPhone = recoveryPhone();
        String marker = startWaiting(b, bPhone, "desk-pc");
        String handled = signIn(b, "desk-pc");
        await().atMost(Duration.ofSeconds(5)).until(() -> "CANCELLED".equals(
                admin("GET", "/v1/admin/recovery/cases/" + marker, null).extract().path("status")));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> ProcessedEvent.findById(handled) != null));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> ProcessedEvent.findById(ignored) == null),
                "a sign-in with nothing to cancel is not worth a transaction");
    }

    /** The id of the {@code login.succeeded} event put on the consumer's channel. */
    private String signIn(RecoveryFixtures.Account a, String deviceId) {
        return signIn(a, deviceId, clock.instant());
    }

    private String signIn(RecoveryFixtures.Account a, String deviceId, Instant at) {
        CloudEvent event = Events.envelope("/lockstep/auth-service", a.id(), at, UUID.randomUUID().toString(),
                new LoginSucceeded(a.id(), null, "t", List.of("pwd"), deviceId, UUID.randomUUID().toString()));
        connector.source("auth-events").send(Events.toJson(event));
        return event.id();
    }

    @Test
    void theOwnerCancelsFromTheEmailAndAnOperatorCancelsWithAReason() {
        RecoveryFixtures.Account a = account(idp);
        String phone = recoveryPhone();
        String caseId = startWaiting(a, phone, "pc-1");
        verifyRecoveryPhone(caseId, phone);
        String cancelCode = code(lastMessageTo(connector, a.email()), 8);
        post("/v1/recovery/cases/" + caseId + "/cancel", Map.of("code", cancelCode, "reason", "it was me after all"))
                .statusCode(200).body("status", equalTo("CANCELLED"));

        String second = startWaiting(a, phone, "pc-1");
        admin("POST", "/v1/admin/recovery/cases/" + second + "/cancel", Map.of("reason", "owner called support"))
                .statusCode(200).body("status", equalTo("CANCELLED")).body("reason", equalTo("operator"));
        admin("GET", "/v1/admin/recovery/audit", null).body("findAll { it.target == '" + second + "' }.action",
                hasItems("recovery.cancel"));
    }

    @Test
    void theTrustedPhoneFallbackNeedsTheCurrentPasswordAndACodeFromAChosenPhone() {
        RecoveryFixtures.Account a = account(idp);
        when(idp.credentials(a.username(), "old password")).thenReturn(Optional.of(
                new RecoveryCalls.AccountFacts(a.id(), a.username(), a.email(), "ACTIVE")));
        post("/v1/recovery/trusted-phone", Map.of("username", a.username(), "password", "wrong")).statusCode(401)
                .body("type", containsString("invalid-credentials"));
        String caseId = post("/v1/recovery/trusted-phone", Map.of("username", a.username(), "password", "old password"))
                .statusCode(201).body("phones[0].maskedPhone", equalTo("+81 ••••••••34")).extract().path("caseId");
        post("/v1/recovery/cases/" + caseId + "/send-code", Map.of("factorId", a.trustedFactorId())).statusCode(202);
        post("/v1/recovery/cases/" + caseId + "/resend", Map.of()).statusCode(202); // "didn't get a code?"
        verify(idp, Mockito.times(2)).sendCode(eq(a.id()), eq(a.trustedFactorId()), eq(caseId), anyString());
        when(idp.check(caseId, a.id(), "4821", a.trustedFactorId()))
                .thenReturn(new CodeCheckResult(CodeCheckResult.Outcome.VALID, 5, "sms"));
        when(idp.check(caseId, a.id(), "1111", a.trustedFactorId()))
                .thenReturn(new CodeCheckResult(CodeCheckResult.Outcome.INVALID, 4, "sms"));
        post("/v1/recovery/cases/" + caseId + "/verify-code", Map.of("code", "1111")).statusCode(401)
                .body("remainingAttempts", equalTo(4));
        post("/v1/recovery/cases/" + caseId + "/verify-code", Map.of("code", "4821")).statusCode(200)
                .body("status", equalTo("READY"));
        post("/v1/recovery/cases/" + caseId + "/complete", Map.of("newPassword", "a new password")).statusCode(200)
                .body("status", equalTo("COMPLETED"));
        verify(idp).restore(eq(a.id()), eq(caseId), eq("a new password"), anyString());
    }

    @Test
    void anEscalationRemovesWhatAppearedSinceAfterItsDelayAndIsAudited() {
        RecoveryFixtures.Account a = account(idp);
        when(idp.escalate(eq(a.id()), any())).thenReturn(new RecoveryCalls.Removed(2, 1, 1));
        Instant since = clock.instant().minus(Duration.ofDays(3));
        String caseId = admin("POST", "/v1/admin/recovery/escalations", Map.of("username", a.username(),
                "since", since.toString(), "identityCheck", "passport seen on video call", "reason", "S2 purchases"))
                .statusCode(201).body("status", equalTo("ESCALATED")).extract().path("caseId");
        verify(idp, never()).escalate(eq(a.id()), any());
        ClockFixture.advance(connector, clock, Duration.ofDays(1));
        verify(idp, timeout(5000)).escalate(eq(a.id()), any());
        await().atMost(Duration.ofSeconds(5)).until(() -> "COMPLETED".equals(
                admin("GET", "/v1/admin/recovery/cases/" + caseId, null).extract().path("status")));
        admin("GET", "/v1/admin/recovery/audit", null).body("findAll { it.target == '" + caseId + "' }.action",
                hasItems("recovery.escalate", "recovery.escalation-done"));
        assertTrue(lastMessageTo(connector, a.email()).text().contains("2 sessions, 1 devices and 1 second factors"));
    }

    @Test
    void badInputIsAProblemAndChangesNothing() {
        given().contentType("application/json").body("{\"username\": ").post("/v1/recovery/cases").then()
                .statusCode(400).contentType("application/problem+json");
        given().contentType("application/json").body("{\"username\": 5, \"trustedPhone\": [], \"recoveryPhone\": {}}")
                .post("/v1/recovery/cases").then().statusCode(400).contentType("application/problem+json");
        RecoveryFixtures.Account a = account(idp);
        post("/v1/recovery/cases", Map.of("username", a.username(), "trustedPhone", a.trustedPhone(),
                "recoveryPhone", "not a number")).statusCode(400).contentType("application/problem+json");
        given().get("/v1/recovery/cases/" + UUID.randomUUID()).then().statusCode(404)
                .body("type", containsString("case-not-found"));
        given().get("/v1/recovery/cases/" + "x".repeat(300)).then().statusCode(404);
        post("/v1/recovery/cases/" + UUID.randomUUID() + "/verify-contact", Map.of("code", "123456")).statusCode(404);
        given().contentType("application/json").body("{\"username\":\"" + "x".repeat(300_000) + "\"}")
                .post("/v1/recovery/forms").then().statusCode(413).contentType("application/problem+json");
        admin("PUT", "/v1/admin/recovery/settings", Map.of("waitingPeriod", "PT1H", "statusAvailableAfter", "PT2H"))
                .statusCode(400).body("type", containsString("invalid-recovery-settings"));
        admin("PUT", "/v1/admin/recovery/settings", Map.of("formWeights", Map.of("shoeSize", 5))).statusCode(400);
        admin("GET", "/v1/admin/recovery/settings", null).statusCode(200).body("waitingPeriod", equalTo("PT72H"));
        admin("GET", "/v1/admin/recovery/cases?status=NOPE", null).statusCode(400);
        given().get("/v1/admin/recovery/cases").then().statusCode(401);
    }
}
