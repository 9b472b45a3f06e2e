package dev.lockstep.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the JSON shape and the versioned type of every event body. If this test fails, a contract
 * changed: bump the type's version suffix or update the golden file on purpose.
 */
class EventContractsTest {

    private static final Instant T = Instant.parse("2026-01-02T03:04:05Z");

    static Stream<Arguments> events() {
        return Stream.of(
                Arguments.of(new AccountCreated("a1", "alice", "+819012345678"), "lockstep.account.created.v1"),
                Arguments.of(new MfaModeChanged("a1", "off", "support-7", "lost phone abroad (case 123)"),
                        "lockstep.account.mfa-mode-changed.v1"),
                Arguments.of(new DeviceChanged("a1", "d1", "trusted"), "lockstep.device.changed.v1"),
                Arguments.of(new AccountLocked("a1", "password-failures", T, 5), "lockstep.account.locked.v1"),
                Arguments.of(new AccountUnlocked("a1", "admin"), "lockstep.account.unlocked.v1"),
                Arguments.of(new PasswordInvalidated("a1", "suspicious-activity"), "lockstep.password.invalidated.v1"),
                Arguments.of(new RiskAssessed("a1", 85, "high", List.of("new-country", "impossible-travel"), "lock",
                        "198.51.100.7", "ES"), "lockstep.risk.assessed.v1"),
                Arguments.of(new TotpReset("a1", "support-7", "new phone, app lost"), "lockstep.account.totp-reset.v1"),
                Arguments.of(new SessionChanged("a1", "s1", "revoked", "refresh-token-reuse"), "lockstep.session.changed.v1"),
                Arguments.of(new LoginChallengeCreated("c1", "a1", "f1", T), "lockstep.login.challenge-created.v1"),
                Arguments.of(new LoginCodeRequested("c1", "a1", "f1", "voice"), "lockstep.login.code-requested.v1"),
                Arguments.of(new LoginSucceeded("a1", "c1", "t1", List.of("pwd", "sms"), "laptop-7", "s1"),
                        "lockstep.login.succeeded.v1"),
                Arguments.of(new LoginFailed("a1", "c1", "code-invalid"), "lockstep.login.failed.v1"),
                Arguments.of(new FactorAdded("a1", "f1", "sms", "+81 ••••••••78"), "lockstep.factor.added.v1"),
                Arguments.of(new FactorRemoved("a1", "f1", "sms"), "lockstep.factor.removed.v1"),
                Arguments.of(new CodeIssued("a1", "c1", "f1", "k1", "m1", 6, T), "lockstep.otp.code-issued.v1"),
                Arguments.of(new CodeChecked("a1", "c1", "INVALID", 4), "lockstep.otp.code-checked.v1"),
                Arguments.of(new RecoveryCodesGenerated("a1", "f1", 10), "lockstep.otp.recovery-codes-generated.v1"),
                Arguments.of(new RecoveryKeyChanged("a1", true), "lockstep.otp.recovery-key-changed.v1"),
                Arguments.of(new OutboundMessage("m1", "+819012345678", "sms", "Lockstep", "Your code is 123456",
                        "login-code", "a1"), "lockstep.message.outbound.v1"),
                Arguments.of(new MessageStatusChanged("m1", "+819012345678", "undelivered", 30003, T),
                        "lockstep.message.status-changed.v1"),
                Arguments.of(new RecoveryCaseChanged("r1", "a1", "waiting-period", "WAITING", "contact-verified",
                        T, T), "lockstep.recovery.case-changed.v1"),
                Arguments.of(new OidcAuthorizationStarted("web-app", "openid profile", "urn:lockstep:acr:mfa", "login"),
                        "lockstep.oidc.authorization-started.v1"),
                Arguments.of(new OidcCodeIssued("a1", "web-app", "s1", false), "lockstep.oidc.code-issued.v1"),
                Arguments.of(new OidcTokenIssued("a1", "web-app", "authorization_code", "s1", "t1"),
                        "lockstep.oidc.token-issued.v1"),
                Arguments.of(new OidcTokenRefused("a1", "web-app", "authorization_code", "code-reused"),
                        "lockstep.oidc.token-refused.v1"),
                Arguments.of(new OidcLoggedOut("a1", "web-app", "s1", "end-session"), "lockstep.oidc.logged-out.v1"),
                Arguments.of(new OidcBackchannelLogout("a1", "web-app", "s1", "delivered", 200),
                        "lockstep.oidc.backchannel-logout.v1"),
                Arguments.of(new IdpFaultFired("r1", "token down", "token", "fail", "web-app", 503, "temporarily_unavailable",
                        null), "lockstep.idp.fault-fired.v1"),
                Arguments.of(new ClockChanged(7, 86_400_000L, null, T), "lockstep.sandbox.clock-changed.v1"),
                Arguments.of(new PhoneStateChanged("+819012345678", "JP", "docomo", "cancelled", "on", "ok", "ES",
                        "international", 100), "lockstep.phone.state-changed.v1"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("events")
    void bodyKeepsItsPublishedShapeAndType(Object body, String type) throws IOException {
        CloudEvent event = Events.envelope("/lockstep/test", "a1", T, "corr-1", body);
        assertEquals(type, event.type());

        CloudEvent roundTripped = Events.fromJson(Events.toJson(event));
        assertEquals(body, Events.body(roundTripped, body.getClass()));
        assertEquals(golden(type), roundTripped.data(), "JSON body of " + type);
    }

    @Test
    void envelopeCarriesCloudEventsAttributes() throws IOException {
        CloudEvent event = Events.envelope("/lockstep/auth-service", "a1", T, "corr-1",
                new AccountCreated("a1", "alice", "+819012345678"));
        JsonNode json = new ObjectMapper().readTree(Events.toJson(event));
        assertEquals("1.0", json.get("specversion").asText());
        assertEquals("/lockstep/auth-service", json.get("source").asText());
        assertEquals("a1", json.get("subject").asText());
        assertEquals("2026-01-02T03:04:05Z", json.get("time").asText());
        assertEquals("corr-1", json.get("correlationid").asText());
        assertEquals("application/json", json.get("datacontenttype").asText());
        assertEquals(36, json.get("id").asText().length());
        assertFalse(json.has("sandboxepoch"), "a hand-made event carries no epoch");
    }

    @Test
    void anEventFromBeforeAResetIsToldApart() throws IOException {
        CloudEvent written = Events.fromJson(Events.toJson(Events.envelope("/lockstep/auth-service", "a1", T, null, 5L,
                new AccountCreated("a1", "alice", "+819012345678"))));
        assertEquals(5L, new ObjectMapper().readTree(Events.toJson(written)).get("sandboxepoch").asLong());
        assertTrue(written.before(6), "written at 5, read at 6");
        assertFalse(written.before(5), "same epoch");
        assertFalse(written.before(4), "written after a reset the reader has not seen yet");
        CloudEvent handMade = Events.envelope("/x", "a1", T, null, new AccountCreated("a1", "alice", "+819012345678"));
        assertFalse(handMade.before(Long.MAX_VALUE), "an event without an epoch is never fenced");
    }

    @Test
    void refusesTextThatIsNotAnEnvelope() {
        assertThrows(Events.MalformedEventException.class, () -> Events.fromJson("{not json"));
        assertThrows(Events.MalformedEventException.class, () -> Events.fromJson("{\"data\":{}}"));
    }

    @Test
    void refusesToReadABodyAsTheWrongType() {
        CloudEvent event = Events.envelope("/x", "a1", T, null, new LoginCodeRequested("c1", "a1", "f1", null));
        assertThrows(Events.MalformedEventException.class, () -> Events.body(event, AccountCreated.class));
    }

    private static JsonNode golden(String type) throws IOException {
        try (InputStream in = EventContractsTest.class.getResourceAsStream("/events/" + type + ".json")) {
            if (in == null) {
                throw new IllegalStateException("no golden file events/" + type + ".json");
            }
            return new ObjectMapper().readTree(in);
        }
    }
}
