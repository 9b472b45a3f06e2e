package dev.lockstep.auth;

import static dev.lockstep.auth.AuthFixtures.PASSWORD;
import static dev.lockstep.auth.AuthFixtures.uniqueUsername;
import static dev.lockstep.platform.testing.InMemoryEvents.outbox;
import static dev.lockstep.platform.testing.InMemoryEvents.published;
import static dev.lockstep.platform.testing.TestTokens.ADMIN;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.when;

import dev.lockstep.auth.service.OtpGateway;
import dev.lockstep.contracts.AccountLocked;
import dev.lockstep.contracts.Events;
import dev.lockstep.contracts.OutboundMessage;
import dev.lockstep.contracts.PasswordInvalidated;
import dev.lockstep.contracts.PhoneStateChanged;
import dev.lockstep.contracts.RiskAssessed;
import dev.lockstep.contracts.http.FactorView;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.phone.PhoneNumbers;
import dev.lockstep.platform.testing.ClockFixture;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Risk-based authentication: signals from the client context and history, levels, actions, alerts. */
@QuarkusTest
class RiskTest {

    private static final String TOKYO = "203.0.113.7";
    private static final String MADRID = "198.51.100.7";

    @InjectMock
    OtpGateway otp;

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    SandboxClock clock;

    @AfterEach
    void riskOffAgain() {
        risk("{\"enabled\":false,\"actions\":{\"low\":\"allow\",\"medium\":\"require-mfa\",\"high\":\"block\"},"
                + "\"compromisedPasswords\":[\"password\",\"123456\"]}").then().statusCode(200);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"preset\":\"off\"}")
                .put("/v1/admin/lockout").then().statusCode(200);
    }

    private static Response risk(String body) {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body).put("/v1/admin/risk");
    }

    /** An account with a phone factor; {@code mfa} its second-factor mode. */
    private String account(String username, String mfa) {
        String id = AuthFixtures.accountWithPhone(otp, username);
        AuthFixtures.setMfaMode(username, mfa);
        return id;
    }

    private static ExtractableResponse<Response> login(String username, String password, String ip, String device) {
        Map<String, String> body = device != null
                ? Map.of("username", username, "password", password, "deviceId", device)
                : Map.of("username", username, "password", password);
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", ip + ", 10.0.0.1")
                .header("User-Agent", "RiskTest/1.0").body(body).post("/v1/login").then().extract();
    }

    private static Response view(String username) {
        return given().header("Authorization", ADMIN).get("/v1/admin/accounts/" + username);
    }

    @Test
    void settingsHaveSafeDefaultsAndBadOnesAreRefusedWithoutChange() {
        given().header("Authorization", ADMIN).get("/v1/admin/risk").then().statusCode(200)
                .body("enabled", equalTo(false)).body("actions.high", equalTo("block"))
                .body("geoip.country", hasItems("JP", "ES")).body("compromisedPasswords", equalTo(null));
        given().get("/v1/admin/risk").then().statusCode(401);
        for (String bad : List.of("{\"weights\":{\"moon-phase\":10}}", "{\"mediumAt\":50,\"highAt\":10}",
                "{\"actions\":{\"high\":\"explode\"}}", "{\"stuffingWindow\":\"ten minutes\"}",
                "{\"geoip\":[{\"cidr\":\"300.1.2.0/24\",\"country\":\"ES\",\"city\":\"X\",\"latitude\":0,\"longitude\":0}]}",
                "{\"enabled\":\"yes please\"}")) {
            risk(bad).then().statusCode(400).body("type", Matchers.startsWith("tag:lockstep.dev,2026:problem:"));
        }
        given().header("Authorization", ADMIN).get("/v1/admin/risk").then()
                .body("mediumAt", equalTo(30)).body("actions.high", equalTo("block")).body("stuffingWindow", equalTo("PT10M"));
        risk("{\"highAt\":61}").then().statusCode(200);
        given().header("Authorization", ADMIN).get("/v1/admin/audit").then().statusCode(200)
                .body("action", hasItem("risk.settings"))
                .body("[-1].reason", Matchers.containsString("highAt=61"));
        risk("{\"highAt\":60}").then().statusCode(200);
    }

    @Test
    void tokyoThenMadridAnHourLaterIsImpossibleTravelAndTheConfiguredLockInvalidatesThePassword() {
        risk("{\"enabled\":true,\"actions\":{\"high\":\"lock\"},\"alertOwner\":{\"high\":true}}").then().statusCode(200);
        String username = uniqueUsername();
        String id = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", PASSWORD, "phone", AuthFixtures.uniqueJapanesePhone(),
                        "email", username + "@example.com"))
                .post("/v1/admin/accounts").then().statusCode(201).extract().path("id");
        when(otp.factors(id)).thenReturn(List.of(FactorView.phone(UUID.randomUUID().toString(), "+81 ••••••••78")));
        AuthFixtures.setMfaMode(username, "off");

        assertEquals("SUCCESS", login(username, PASSWORD, TOKYO, "phone-1").path("status"));
        ClockFixture.advance(connector, clock, Duration.ofHours(1));
        ExtractableResponse<Response> madrid = login(username, PASSWORD, MADRID, "phone-1");
        assertEquals(401, madrid.statusCode(), "answered like a wrong password");
        assertEquals("invalid-credentials",
                madrid.path("type").toString().substring(madrid.path("type").toString().lastIndexOf(':') + 1));

        view(username).then().body("status", equalTo("LOCKED")).body("lockReason", equalTo("risk-high"))
                .body("recentAttempts[0].outcome", equalTo("locked-by-risk"))
                .body("recentAttempts[0].country", equalTo("ES")).body("recentAttempts[0].city", equalTo("Madrid"))
                .body("recentAttempts[0].signals", hasItems("new-country", "impossible-travel"))
                .body("recentAttempts[0].riskLevel", equalTo("high"))
                .body("recentAttempts[1].country", equalTo("JP")).body("recentAttempts[1].ip", equalTo(TOKYO));
        await().atMost(Duration.ofSeconds(5)).until(() -> !published(outbox(), PasswordInvalidated.class).isEmpty()
                && !published(outbox(), AccountLocked.class).isEmpty());
        RiskAssessed assessed = published(outbox(), RiskAssessed.class).stream().map(e -> Events.body(e, RiskAssessed.class))
                .filter(r -> r.accountId().equals(id) && r.level().equals("high")).findFirst().orElseThrow();
        assertEquals("lock", assessed.action());
        assertEquals("ES", assessed.country());
        assertTrue(published(outbox(), OutboundMessage.class).stream().map(e -> Events.body(e, OutboundMessage.class))
                .anyMatch(m -> m.to().equals(username + "@example.com") && m.text().contains("impossible-travel")),
                "the owner is told by email");
        given().header("Authorization", ADMIN).get("/v1/admin/accounts/" + username + "/audit").then()
                .body("action", hasItem("account.risk-lock")).body("operator", hasItem("risk-engine"));
    }

    @Test
    void aSimSwapOnTheAccountsPhoneRaisesTheNextLoginToASecondFactorEvenWithItOff() {
        risk("{\"enabled\":true}").then().statusCode(200);
        String username = uniqueUsername();
        String phone = "+81 90 " + (7000 + (int) (Math.random() * 999)) + " 4321";
        String id = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", PASSWORD, "phone", phone))
                .post("/v1/admin/accounts").then().statusCode(201).extract().path("id");
        when(otp.factors(id)).thenReturn(List.of(FactorView.phone(UUID.randomUUID().toString(), "+81 ••••••••21")));
        AuthFixtures.setMfaMode(username, "off");
        assertEquals("SUCCESS", login(username, PASSWORD, TOKYO, "phone-1").path("status"));

        String e164 = PhoneNumbers.toE164(phone);
        connector.source("phone-events").send(Events.toJson(Events.envelope("/lockstep/sms-gateway-sim", e164,
                clock.instant(), null, new PhoneStateChanged(e164, "JP", "NTT DOCOMO", "swapped", "on", "ok", null,
                        "none", 1000))));
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            ExtractableResponse<Response> next = login(username, PASSWORD, TOKYO, "phone-1");
            return "MFA_REQUIRED".equals(next.path("status"));
        });
        view(username).then().body("recentAttempts[0].signals", hasItem("sim-swap"))
                .body("recentAttempts[0].riskLevel", equalTo("medium"))
                .body("recentAttempts[0].action", equalTo("require-mfa"));
    }

    @Test
    void manyAccountsFailingFromOneAddressIsCredentialStuffingAndABlockLooksLikeAWrongPassword() {
        risk("{\"enabled\":true,\"weights\":{\"credential-stuffing\":70}}").then().statusCode(200);
        String ip = "192.0.2." + (10 + (int) (Math.random() * 200));
        String username = uniqueUsername();
        account(username, "always");
        for (int i = 0; i < 5; i++) {
            assertEquals(401, login("victim-" + UUID.randomUUID(), "guess", ip, null).statusCode());
        }
        ExtractableResponse<Response> blocked = login(username, PASSWORD, ip, null);
        ExtractableResponse<Response> wrong = login(username, "not it", ip, null);
        assertEquals(401, blocked.statusCode());
        assertEquals(wrong.asString().replace(wrong.path("instance"), ""),
                blocked.asString().replace(blocked.path("instance"), ""));
        view(username).then().body("status", equalTo("ACTIVE"))
                .body("recentAttempts[1].outcome", equalTo("blocked"))
                .body("recentAttempts[1].signals", hasItem("credential-stuffing"));

        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"preset\":\"off\",\"revealLockState\":true}").put("/v1/admin/lockout").then().statusCode(200);
        login(username, PASSWORD, ip, null).response().then().statusCode(403)
                .body("type", equalTo("tag:lockstep.dev,2026:problem:sign-in-blocked"));
        assertEquals("MFA_REQUIRED", login(username, PASSWORD, "192.0.2.250", null).path("status"),
                "from another address the same password is fine");
    }

    @Test
    void aFourthUsernameOnOneDeviceIsDeviceManyAccountsAndOneOfTheFirstThreeAgainIsNot() {
        risk("{\"enabled\":true}").then().statusCode(200);
        String tablet = "shared-tablet-" + UUID.randomUUID();
        List<String> usernames = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            usernames.add(uniqueUsername());
            account(usernames.get(i), "off");
        }
        for (String username : usernames.subList(0, 3)) {
            login(username, PASSWORD, TOKYO, tablet);
            view(username).then().body("recentAttempts[0].signals", not(hasItem("device-many-accounts")));
        }
        login(usernames.get(0), PASSWORD, TOKYO, tablet);
        view(usernames.get(0)).then().body("recentAttempts[0].signals", not(hasItem("device-many-accounts")));

        login(usernames.get(3), PASSWORD, TOKYO, tablet);
        view(usernames.get(3)).then().body("recentAttempts[0].signals", hasItem("device-many-accounts"));
    }

    @Test
    void aPasswordOnTheCompromisedListAndANewDeviceAddUp() {
        risk("{\"enabled\":true,\"compromisedPasswords\":[\"" + PASSWORD + "\"]}").then().statusCode(200);
        given().header("Authorization", ADMIN).get("/v1/admin/risk").then().body("compromisedPasswordCount", equalTo(1));
        String username = uniqueUsername();
        account(username, "off");
        assertEquals("MFA_REQUIRED", login(username, PASSWORD, TOKYO, "laptop").path("status"),
                "45 points: medium, a second factor");
        view(username).then().body("recentAttempts[0].signals", equalTo(List.of("compromised-password")))
                .body("recentAttempts[0].riskScore", equalTo(45));
        assertEquals(401, login(username, "wrong", TOKYO, "other-laptop").statusCode());
        view(username).then().body("recentAttempts[0].outcome", equalTo("wrong-password"))
                .body("recentAttempts[0].signals", not(hasItem("compromised-password")));
    }

    @Test
    void anOperatorDisablesAnAccountAndOnlyEnablingItLetsTheOwnerBackIn() {
        String username = uniqueUsername();
        account(username, "off");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("reason", "left the company"))
                .post("/v1/admin/accounts/" + username + "/disable").then().statusCode(200)
                .body("status", equalTo("DISABLED"));
        assertEquals(401, login(username, PASSWORD, TOKYO, null).statusCode());
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("reason", "try"))
                .post("/v1/admin/accounts/" + username + "/unlock").then().statusCode(409);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("reason", "back"))
                .post("/v1/admin/accounts/" + username + "/enable").then().statusCode(200)
                .body("status", equalTo("ACTIVE"));
        assertEquals("SUCCESS", login(username, PASSWORD, TOKYO, null).path("status"));
        given().header("Authorization", ADMIN).get("/v1/admin/accounts/" + username + "/audit").then()
                .body("action", hasItems("account.disable", "account.enable"));
    }
}
