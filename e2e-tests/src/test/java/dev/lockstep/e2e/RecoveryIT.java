package dev.lockstep.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.lockstep.contracts.AccountUnlocked;
import dev.lockstep.contracts.Events;
import dev.lockstep.contracts.Topic;
import dev.lockstep.e2e.support.Lockstep;
import dev.lockstep.e2e.support.SharedSandbox;
import dev.lockstep.launcher.Service;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Account recovery on the real broker and services (stories S0, S1, S2, S4): every code travels
 * through the simulated network and is read from a virtual phone or mailbox; every wait is a jump
 * of the sandbox clock.
 */
@ExtendWith(SharedSandbox.class)
@Order(17)
class RecoveryIT {

    private static final String NEW_PASSWORD = "a brand new passphrase";

    private static String recovery() {
        return SharedSandbox.url(Service.RECOVERY);
    }

    private static ValidatableResponse post(String path, Object body) {
        return given().contentType(ContentType.JSON).body(body).post(recovery() + path).then();
    }

    private static ValidatableResponse admin(String method, String url, Object body) {
        var request = given().header("Authorization", Lockstep.admin()).contentType(ContentType.JSON);
        if (body != null) {
            request.body(body);
        }
        return request.request(method, url).then();
    }

    private static String email() {
        return "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static String message(String to, String marker) {
        return Lockstep.messageContaining(to, marker);
    }

    private static String codeIn(String text, String before) {
        return Lockstep.codeAfter(text, before);
    }

    /** Moves the sandbox clock and waits until recovery-service and auth-service follow. */
    private static void advance(Duration by) {
        SharedSandbox.client().advanceClock(by);
        SharedSandbox.client().awaitClock(Duration.ofSeconds(10));
    }

    private static String status(String caseId) {
        return admin("GET", recovery() + "/v1/admin/recovery/cases/" + caseId, null).statusCode(200).extract().path("status");
    }

    private static void awaitStatus(String caseId, String expected) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> expected.equals(status(caseId)));
    }

    /** Signs in with password and the SMS code that reaches {@code phone}; returns the login response. */
    private static Response signIn(Lockstep.Account account, String password, String phone, String deviceId) {
        // counted before the login: its code may arrive before a count taken afterwards
        int before = Lockstep.inbox(phone).size();
        Response login = given().contentType(ContentType.JSON)
                .body(Map.of("username", account.username(), "password", password, "deviceId", deviceId))
                .post(SharedSandbox.url(Service.AUTH) + "/v1/login");
        assertEquals(200, login.statusCode(), login.asString());
        String challenge = login.path("challengeId");
        String code = Lockstep.nthCode(phone, before + 1);
        Response verified = Lockstep.verify(challenge, code);
        assertEquals(200, verified.statusCode(), verified.asString());
        return login;
    }

    private String startWaitingPeriod(Lockstep.Account account, String recoveryPhone, String deviceId) {
        String caseId = post("/v1/recovery/cases", Map.of("username", account.username(), "trustedPhone", account.phone(),
                "recoveryPhone", recoveryPhone, "deviceId", deviceId)).statusCode(201).extract().path("caseId");
        String code = codeIn(message(recoveryPhone, "recovery code is"), "recovery code is");
        post("/v1/recovery/cases/" + caseId + "/verify-contact", Map.of("code", code)).statusCode(200)
                .body("status", equalTo("REQUESTED"));
        return caseId;
    }

    @Test
    void s1TheWaitingPeriodEndsAfterThreeDaysAndTheOwnerSignsInWithTheNewTrustedPhone() {
        String email = email();
        Lockstep.Account account = Lockstep.newAccount(email);
        String recoveryPhone = Lockstep.uniquePhone();
        String caseId = startWaitingPeriod(account, recoveryPhone, "borrowed-pc");
        message(email, "account recovery was requested");
        given().get(recovery() + "/v1/recovery/cases/" + caseId).then().body("status", equalTo("REQUESTED"));

        advance(Duration.ofDays(3));
        awaitStatus(caseId, "READY");
        String code = codeIn(message(recoveryPhone, "is ready"), "recovery code is");
        post("/v1/recovery/cases/" + caseId + "/complete", Map.of("code", code, "newPassword", NEW_PASSWORD))
                .statusCode(200).body("status", equalTo("COMPLETED"));

        assertEquals(401, Lockstep.login(account.username(), Lockstep.PASSWORD).statusCode(), "the old password is gone");
        Response login = signIn(account, NEW_PASSWORD, recoveryPhone, "borrowed-pc");
        List<String> phones = login.jsonPath().getList("factors.maskedPhone");
        assertEquals(1, phones.size(), "the old trusted phone was replaced: " + phones);
        assertEquals(recoveryPhone.substring(recoveryPhone.length() - 2), phones.get(0).substring(phones.get(0).length() - 2));
        message(email, "was recovered");
    }

    @Test
    void s1ASignInDuringTheWaitCancelsTheRecovery() {
        String email = email();
        Lockstep.Account account = Lockstep.newAccount(email);
        String caseId = startWaitingPeriod(account, Lockstep.uniquePhone(), "borrowed-pc");
        signIn(account, Lockstep.PASSWORD, account.phone(), "home-iphone");
        awaitStatus(caseId, "CANCELLED");
        admin("GET", recovery() + "/v1/admin/recovery/cases/" + caseId, null).body("reason", equalTo("sign-in-during-wait"));
        message(email, "was cancelled");
    }

    @Test
    void s0TheRecoveryKeyWorksAtOnceAndBlocksTheWaitingPath() {
        String email = email();
        Lockstep.Account account = Lockstep.newAccount(email);
        String key = admin("POST", SharedSandbox.url(Service.OTP) + "/v1/admin/accounts/" + account.id() + "/recovery-key",
                null).statusCode(201).extract().path("recoveryKey");
        // suspicious activity: locked, the password invalidated, the owner emailed (S0 step 1)
        admin("POST", SharedSandbox.url(Service.AUTH) + "/v1/admin/accounts/" + account.username() + "/suspicious-activity",
                Map.of("reason", "S0")).statusCode(200).body("status", equalTo("LOCKED"));

        post("/v1/recovery/cases", Map.of("username", account.username(), "trustedPhone", account.phone(),
                "recoveryPhone", Lockstep.uniquePhone())).statusCode(409)
                .body("type", endsWith("recovery-key-required"));
        post("/v1/recovery/recovery-key", Map.of("username", account.username(), "recoveryKey", "RK-AAAAAAAAAAAA",
                "newPassword", NEW_PASSWORD)).statusCode(401).body("type", endsWith("invalid-recovery-key"));
        post("/v1/recovery/recovery-key", Map.of("username", account.username(), "recoveryKey", key,
                "newPassword", NEW_PASSWORD)).statusCode(200).body("status", equalTo("COMPLETED"));

        admin("GET", SharedSandbox.url(Service.AUTH) + "/v1/admin/accounts/" + account.username(), null)
                .body("status", equalTo("ACTIVE"));
        Lockstep.awaitEvents(Topic.AUTH_EVENTS, e -> Events.is(e, AccountUnlocked.class)
                && account.id().equals(Events.body(e, AccountUnlocked.class).accountId())
                && "recovery".equals(Events.body(e, AccountUnlocked.class).cause()), found -> !found.isEmpty());
        signIn(account, NEW_PASSWORD, account.phone(), "home-pc");
    }

    @Test
    void s0TheTrustedPhoneFallbackTakesTheInvalidatedPasswordAndACodeToAMaskedNumber() {
        Lockstep.Account account = Lockstep.newAccount(email());
        admin("POST", SharedSandbox.url(Service.AUTH) + "/v1/admin/accounts/" + account.username() + "/suspicious-activity",
                Map.of("reason", "S0")).statusCode(200);
        Response started = given().contentType(ContentType.JSON)
                .body(Map.of("username", account.username(), "password", Lockstep.PASSWORD))
                .post(recovery() + "/v1/recovery/trusted-phone");
        assertEquals(201, started.statusCode(), started.asString());
        String caseId = started.path("caseId");
        String factorId = started.path("phones[0].id");
        String masked = started.path("phones[0].maskedPhone");
        assertFalse(masked.contains(account.phone().substring(3, 9)), "the number is masked: " + masked);

        int before = Lockstep.inbox(account.phone()).size();
        post("/v1/recovery/cases/" + caseId + "/send-code", Map.of("factorId", factorId)).statusCode(202);
        String code = Lockstep.nthCode(account.phone(), before + 1);
        post("/v1/recovery/cases/" + caseId + "/verify-code", Map.of("code", code)).statusCode(200)
                .body("status", equalTo("READY"));
        post("/v1/recovery/cases/" + caseId + "/complete", Map.of("newPassword", NEW_PASSWORD)).statusCode(200)
                .body("status", equalTo("COMPLETED"));
        signIn(account, NEW_PASSWORD, account.phone(), "home-pc");
    }

    private static final Map<String, Object> GOOD = Map.of("name", "ＹＡＭＡＤＡ　Ｈａｎａｋｏ", "dateOfBirth", "1990-04-01",
            "country", "JP", "region", "Tokyo", "postalCode", "100-0001",
            "previousPasswords", List.of(Lockstep.PASSWORD), "recentRecipients", List.of("taro@example.jp"),
            "subjects", List.of("Lunch on Friday?"), "cardHolder", "HANAKO YAMADA", "cardLast4", "4242");
    private static final Map<String, Object> POOR = Map.of("name", "Someone Else", "previousPasswords", List.of("guess"));

    private static Lockstep.Account seededAccount() {
        Lockstep.Account account = Lockstep.newAccount(email());
        admin("PUT", recovery() + "/v1/admin/recovery/accounts/" + account.username() + "/profile", Map.of(
                "fullName", "Yamada Hanako", "dateOfBirth", "1990-04-01", "country", "JP", "region", "Tokyo",
                "postalCode", "1000001", "cardHolder", "Hanako Yamada", "cardLast4", "4242", "cardExpiry", "12/27"))
                .statusCode(200);
        admin("POST", recovery() + "/v1/admin/recovery/accounts/" + account.username() + "/mail",
                Map.of("to", "taro@example.jp", "subject", "Lunch on Friday?")).statusCode(201);
        return account;
    }

    private static String openForm(Lockstep.Account account, String contact) {
        String caseId = post("/v1/recovery/forms", Map.of("username", account.username(), "contactEmail", contact))
                .statusCode(201).extract().path("caseId");
        String code = codeIn(message(contact, "security code is"), "security code is");
        post("/v1/recovery/cases/" + caseId + "/verify-contact", Map.of("code", code)).statusCode(200)
                .body("status", equalTo("AWAITING_FORM"));
        return caseId;
    }

    @Test
    void s4AWellAnsweredFormIsAcceptedAfterItsDelayAndRestoresAccess() {
        Lockstep.Account account = seededAccount();
        admin("POST", SharedSandbox.url(Service.AUTH) + "/v1/admin/accounts/" + account.username() + "/suspicious-activity",
                Map.of("reason", "S4")).statusCode(200);
        String contact = email();
        String caseId = openForm(account, contact);
        post("/v1/recovery/cases/" + caseId + "/form", GOOD).statusCode(202).body("status", equalTo("SUBMITTED"));
        advance(Duration.ofHours(24));
        awaitStatus(caseId, "READY");
        String verdict = message(contact, "is yours");
        post("/v1/recovery/cases/" + caseId + "/complete", Map.of("code", codeIn(verdict, "recovery code is"),
                "newPassword", NEW_PASSWORD)).statusCode(200).body("status", equalTo("COMPLETED"));
        admin("GET", SharedSandbox.url(Service.AUTH) + "/v1/admin/accounts/" + account.username(), null)
                .body("status", equalTo("ACTIVE"));
        signIn(account, NEW_PASSWORD, account.phone(), "home-pc");
    }

    @Test
    void s4APoorFormIsRejectedAndTheThirdOfADayIsRefusedUntilTheSandboxClockPassesMidnight() {
        Lockstep.Account account = seededAccount();
        admin("PUT", recovery() + "/v1/admin/recovery/settings", Map.of("verdictDelay", "PT0S")).statusCode(200);
        try {
            String contact = email();
            String caseId = openForm(account, contact);
            post("/v1/recovery/cases/" + caseId + "/form", POOR).statusCode(202);
            awaitStatus(caseId, "REJECTED");
            message(contact, "not enough to verify");
            post("/v1/recovery/cases/" + caseId + "/form", POOR).statusCode(202);
            awaitStatus(caseId, "REJECTED");

            Instant now = Instant.parse(given().get(recovery() + "/v1/clock").jsonPath().getString("now"));
            Instant midnight = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            post("/v1/recovery/cases/" + caseId + "/form", GOOD).statusCode(429)
                    .body("type", endsWith("too-many-submissions"));
            advance(Duration.between(now, midnight).plusMinutes(1));
            post("/v1/recovery/cases/" + caseId + "/form", GOOD).statusCode(202);
            awaitStatus(caseId, "READY");
        } finally {
            admin("PUT", recovery() + "/v1/admin/recovery/settings", Map.of("verdictDelay", "PT24H")).statusCode(200);
        }
    }

    @Test
    void s2AnEscalationEndsTheIntrudersSessionsAfterADayAndIsAudited() {
        Lockstep.Account account = Lockstep.newAccount(email());
        Instant since = Instant.parse(given().get(recovery() + "/v1/clock").jsonPath().getString("now"));
        signIn(account, Lockstep.PASSWORD, account.phone(), "intruder-pc");
        String sessions = SharedSandbox.url(Service.AUTH) + "/v1/admin/accounts/" + account.username() + "/sessions";
        assertEquals(1, admin("GET", sessions, null).extract().jsonPath().getList("$").size());

        String caseId = admin("POST", recovery() + "/v1/admin/recovery/escalations", Map.of("username", account.username(),
                "since", since.toString(), "identityCheck", "ID card checked at the shop", "reason", "S2 purchases"))
                .statusCode(201).body("status", equalTo("ESCALATED")).extract().path("caseId");
        advance(Duration.ofDays(1));
        awaitStatus(caseId, "COMPLETED");
        assertEquals(0, admin("GET", sessions, null).extract().jsonPath().getList("$").size());
        admin("GET", recovery() + "/v1/admin/recovery/cases/" + caseId, null)
                .body("history[-1].detail", containsString("1 sessions, 1 devices"));
    }
}
