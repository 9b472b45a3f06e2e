package dev.lockstep.recovery;

import static dev.lockstep.recovery.RecoveryFixtures.account;
import static dev.lockstep.recovery.RecoveryFixtures.admin;
import static dev.lockstep.recovery.RecoveryFixtures.code;
import static dev.lockstep.recovery.RecoveryFixtures.lastMessageTo;
import static dev.lockstep.recovery.RecoveryFixtures.post;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.lockstep.contracts.OutboundMessage;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.testing.ClockFixture;
import dev.lockstep.recovery.service.IdpGateway;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Story S4: the recovery form, its delayed verdict and its daily limit (identity provider mocked). */
@QuarkusTest
class RecoveryFormTest {

    @InjectMock
    IdpGateway idp;

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    SandboxClock clock;

    private static final Map<String, Object> GOOD = Map.of("name", "山田　ﾊﾅｺ", "dateOfBirth", "1990-04-01",
            "country", "JP", "region", "Tokyo", "postalCode", "100-0001", "previousPasswords", List.of("spring2024!"),
            "recentRecipients", List.of("taro@example.jp"), "subjects", List.of("Lunch on Friday?"),
            "cardHolder", "HANAKO YAMADA", "cardLast4", "4242");
    private static final Map<String, Object> POOR = Map.of("name", "Someone Else", "country", "US");

    private RecoveryFixtures.Account seeded() {
        RecoveryFixtures.Account a = account(idp);
        admin("PUT", "/v1/admin/recovery/accounts/" + a.username() + "/profile", Map.of("fullName", "山田 ハナコ",
                "dateOfBirth", "1990-04-01", "country", "JP", "region", "Tokyo", "postalCode", "1000001",
                "cardHolder", "Hanako Yamada", "cardLast4", "4242", "cardExpiry", "12/27")).statusCode(200);
        admin("POST", "/v1/admin/recovery/accounts/" + a.username() + "/mail", Map.of("to", "taro@example.jp",
                "subject", "Lunch on Friday?")).statusCode(201);
        when(idp.passwordHistoryMatches(eq(a.id()), anyList()))
                .thenAnswer(call -> (int) ((List<?>) call.getArgument(1)).stream().filter("spring2024!"::equals).count());
        return a;
    }

    private String openForm(RecoveryFixtures.Account a, String contact) {
        String caseId = post("/v1/recovery/forms", Map.of("username", a.username(), "contactEmail", contact))
                .statusCode(201).body("status", equalTo("VERIFYING_CONTACT")).extract().path("caseId");
        post("/v1/recovery/cases/" + caseId + "/verify-contact", Map.of("code", code(lastMessageTo(connector, contact), 6)))
                .statusCode(200).body("status", equalTo("AWAITING_FORM"));
        return caseId;
    }

    private String status(String caseId) {
        return admin("GET", "/v1/admin/recovery/cases/" + caseId, null).extract().path("status");
    }

    @Test
    void aWellAnsweredFormIsAcceptedAfterItsDelayAndRestoresAccess() {
        RecoveryFixtures.Account a = seeded();
        post("/v1/recovery/forms", Map.of("username", a.username(), "contactEmail", a.email().toUpperCase()))
                .statusCode(422).body("type", containsString("contact-is-the-account"));
        String contact = "hanako.backup@example.org";
        String caseId = openForm(a, contact);
        post("/v1/recovery/cases/" + caseId + "/form", GOOD).statusCode(202).body("status", equalTo("SUBMITTED"));
        ClockFixture.advance(connector, clock, Duration.ofHours(23));
        admin("GET", "/v1/admin/recovery/cases/" + caseId, null).body("status", equalTo("SUBMITTED"))
                .body("submissions[0].verdict", equalTo(null));
        ClockFixture.advance(connector, clock, Duration.ofHours(1));
        await().atMost(Duration.ofSeconds(5)).until(() -> "READY".equals(status(caseId)));
        OutboundMessage verdict = lastMessageTo(connector, contact);
        assertTrue(verdict.text().contains("verified") && verdict.text().contains("60 needed"), verdict.text());
        admin("GET", "/v1/admin/recovery/cases/" + caseId, null).body("submissions[0].verdict", equalTo("accepted"))
                .body("submissions[0].fieldScores", containsString("name=10"));
        post("/v1/recovery/cases/" + caseId + "/complete", Map.of("code", code(verdict, 8), "newPassword", "brand new pw"))
                .statusCode(200).body("status", equalTo("COMPLETED"));
        verify(idp).restore(eq(a.id()), eq(caseId), eq("brand new pw"), anyString());
    }

    @Test
    void aPoorFormIsRejectedAndTheThirdOfADayWaitsForTheNextSandboxDay() {
        RecoveryFixtures.Account a = seeded();
        String contact = "h.y@example.net";
        String caseId = openForm(a, contact);
        admin("PUT", "/v1/admin/recovery/settings", Map.of("verdictDelay", "PT0S")).statusCode(200);
        try {
            post("/v1/recovery/cases/" + caseId + "/form", POOR).statusCode(202);
            await().atMost(Duration.ofSeconds(5)).until(() -> "REJECTED".equals(status(caseId)));
            assertTrue(lastMessageTo(connector, contact).text().contains("not enough"));
            post("/v1/recovery/cases/" + caseId + "/form", POOR).statusCode(202);
            await().atMost(Duration.ofSeconds(5)).until(() -> "REJECTED".equals(status(caseId)));
            // a new case does not reset the count: it is per account and sandbox day
            String another = openForm(a, "third@example.net");
            Instant midnight = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1)
                    .atStartOfDay(ZoneOffset.UTC).toInstant();
            post("/v1/recovery/cases/" + another + "/form", GOOD).statusCode(429)
                    .body("type", containsString("too-many-submissions"))
                    .body("nextAllowedAt", equalTo(midnight.toString()));
            ClockFixture.advance(connector, clock, Duration.between(clock.instant(), midnight).plusSeconds(1));
            post("/v1/recovery/cases/" + another + "/form", GOOD).statusCode(202);
            await().atMost(Duration.ofSeconds(5)).until(() -> "READY".equals(status(another)));
        } finally {
            admin("PUT", "/v1/admin/recovery/settings", Map.of("verdictDelay", "PT24H")).statusCode(200);
        }
    }

    @Test
    void anUnknownAccountGetsAFormLikeAnyOtherThatEndsRejected() {
        String contact = "someone@example.com";
        String caseId = post("/v1/recovery/forms", Map.of("username", "no-such-user-" + System.nanoTime(),
                "contactEmail", contact)).statusCode(201).body("status", equalTo("VERIFYING_CONTACT")).extract().path("caseId");
        post("/v1/recovery/cases/" + caseId + "/verify-contact", Map.of("code", code(lastMessageTo(connector, contact), 6)))
                .statusCode(200);
        post("/v1/recovery/cases/" + caseId + "/form", GOOD).statusCode(202);
        ClockFixture.advance(connector, clock, Duration.ofHours(24));
        await().atMost(Duration.ofSeconds(5)).until(() -> "REJECTED".equals(status(caseId)));
    }
}
