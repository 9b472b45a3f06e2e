package dev.lockstep.recovery;

import static dev.lockstep.recovery.RecoveryFixtures.account;
import static dev.lockstep.recovery.RecoveryFixtures.recoveryPhone;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lockstep.platform.audit.AuditEntry;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.testing.ClockFixture;
import dev.lockstep.recovery.service.IdpGateway;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.hamcrest.MatcherAssert;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * SMS pumping with extra steps: one account may name at most 3 different new numbers for recovery codes
 * a day, and one caller address at most 10 an hour, by default. A refusal is a 429 with Retry-After,
 * the same for an account name that exists and one that does not, and it is audited.
 */
@QuarkusTest
@TestProfile(NewNumberLimitsTest.Defaults.class)
class NewNumberLimitsTest {

    /** The bounds as shipped (the other tests raise the per-address one: they all ask from 127.0.0.1). */
    public static class Defaults implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("lockstep.recovery.max-new-numbers-per-address", "10");
        }
    }

    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    @InjectMock
    IdpGateway idp;

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    SandboxClock clock;

    /** A caller address of its own (forwarded by the trusted local proxy), so tests do not share one. */
    private static String address() {
        return "192.0.2." + ADDRESSES.incrementAndGet();
    }

    private static ExtractableResponse<Response> start(String username, String trustedPhone, String number, String from) {
        return given().header("X-Forwarded-For", from).contentType(ContentType.JSON)
                .body(Map.of("username", username, "trustedPhone", trustedPhone, "recoveryPhone", number))
                .post("/v1/recovery/cases").then().extract();
    }

    private static void refused(ExtractableResponse<Response> answer) {
        assertEquals(429, answer.statusCode(), answer.asString());
        assertEquals("application/problem+json", answer.contentType());
        MatcherAssert.assertThat(answer.path("type"), endsWith("new-number-limit-reached"));
        MatcherAssert.assertThat(Long.parseLong(answer.header("Retry-After")),
                Matchers.greaterThan(0L));
    }

    @Test
    void anAccountNamesAtMostThreeNewNumbersADayAndANumberAlreadyNamedIsNotNew() {
        RecoveryFixtures.Account a = account(idp);
        String from = address();
        String[] numbers = { recoveryPhone(), recoveryPhone(), recoveryPhone() };
        for (String number : numbers) {
            assertEquals(201, start(a.username(), a.trustedPhone(), number, from).statusCode());
        }
        ExtractableResponse<Response> fourth = start(a.username(), a.trustedPhone(), recoveryPhone(), address());
        refused(fourth);
        long retryAfter = Long.parseLong(fourth.header("Retry-After"));
        Assertions.assertTrue(retryAfter <= Duration.ofDays(1).toSeconds(),
                "within a day: " + retryAfter);
        assertEquals(201, start(a.username(), a.trustedPhone(), numbers[1], from).statusCode(),
                "a number already named is not a new one");

        ClockFixture.advance(connector, clock, Duration.ofDays(1).plusMinutes(1));
        assertEquals(201, start(a.username(), a.trustedPhone(), recoveryPhone(), from).statusCode(), "a day later");
    }

    @Test
    void anUnknownAccountNameIsRefusedTheSameWay() {
        RecoveryFixtures.Account known = account(idp);
        String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        String from = address();
        for (int i = 0; i < 3; i++) {
            start(known.username(), known.trustedPhone(), recoveryPhone(), from);
            start(unknown, "+819011112222", recoveryPhone(), from);
        }
        ExtractableResponse<Response> knownRefused = start(known.username(), known.trustedPhone(), recoveryPhone(), from);
        ExtractableResponse<Response> unknownRefused = start(unknown, "+819011112222", recoveryPhone(), from);
        refused(knownRefused);
        refused(unknownRefused);
        assertEquals(knownRefused.body().asString(), unknownRefused.body().asString()
                .replace(unknown, known.username()), "the same body for both");
        List<String> refusedNames = QuarkusTransaction.requiringNew()
                .call(() -> AuditEntry.<AuditEntry> list("action",
                        "recovery.new-number-refused").stream().map(e -> e.target).toList());
        MatcherAssert.assertThat(refusedNames, hasItem(unknown));
        MatcherAssert.assertThat(refusedNames, hasItem(known.username()));
    }

    @Test
    void oneAddressNamesAtMostTenNewNumbersAnHourWhateverTheAccounts() {
        String from = address();
        for (int i = 0; i < 10; i++) {
            RecoveryFixtures.Account a = account(idp);
            assertEquals(201, start(a.username(), a.trustedPhone(), recoveryPhone(), from).statusCode());
        }
        RecoveryFixtures.Account eleventh = account(idp);
        refused(start(eleventh.username(), eleventh.trustedPhone(), recoveryPhone(), from));
        assertEquals(201, start(eleventh.username(), eleventh.trustedPhone(), recoveryPhone(), address()).statusCode(),
                "another address is not bound by this one's");

        ClockFixture.advance(connector, clock, Duration.ofHours(1).plusMinutes(1));
        assertEquals(201, start(eleventh.username(), eleventh.trustedPhone(), recoveryPhone(), from).statusCode(),
                "an hour later");
    }
}
