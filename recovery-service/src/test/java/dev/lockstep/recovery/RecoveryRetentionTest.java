package dev.lockstep.recovery;

import static dev.lockstep.recovery.RecoveryFixtures.account;
import static dev.lockstep.recovery.RecoveryFixtures.admin;
import static dev.lockstep.recovery.RecoveryFixtures.post;
import static dev.lockstep.recovery.RecoveryFixtures.recoveryPhone;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.testing.ClockFixture;
import dev.lockstep.recovery.domain.CaseCode;
import dev.lockstep.recovery.domain.CaseHistory;
import dev.lockstep.recovery.service.IdpGateway;
import dev.lockstep.recovery.service.RecoveryTimers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * A closed case goes 30 sandbox days after it closed, with its history and codes; newer ones stay;
 * a start never verified fails after a day and so does not stay open for ever.
 */
@QuarkusTest
class RecoveryRetentionTest {

    @InjectMock
    IdpGateway idp;

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    SandboxClock clock;

    @Inject
    RecoveryTimers timers;

    private String start(RecoveryFixtures.Account a) {
        return post("/v1/recovery/cases", Map.of("username", a.username(), "trustedPhone", a.trustedPhone(),
                "recoveryPhone", recoveryPhone())).statusCode(201).extract().path("caseId");
    }

    private static long rowsOf(String caseId) {
        return QuarkusTransaction.requiringNew().call(() -> CaseHistory.count("caseId", caseId)
                + CaseCode.count("key.caseId", caseId));
    }

    @Test
    void aStartNeverVerifiedFailsAfterADayAndAVerifiedOneGoesOn() {
        String abandoned = start(account(idp));
        ClockFixture.advance(connector, clock, Duration.ofHours(23));
        String recent = start(account(idp));
        timers.round();
        admin("GET", "/v1/admin/recovery/cases/" + abandoned, null).statusCode(200).body("status",
                equalTo("VERIFYING_CONTACT"));

        ClockFixture.advance(connector, clock, Duration.ofHours(2));
        timers.round();

        admin("GET", "/v1/admin/recovery/cases/" + abandoned, null).statusCode(200).body("status", equalTo("FAILED"))
                .body("reason", equalTo("abandoned")).body("closedAt", Matchers.notNullValue())
                .body("history.status", hasItems("VERIFYING_CONTACT", "FAILED"));
        admin("GET", "/v1/admin/recovery/cases/" + recent, null).statusCode(200).body("status", equalTo("VERIFYING_CONTACT"));
    }

    @Test
    void aCaseClosedLongerThanItsRuleKeepsGoesWithItsRowsAndNewerOnesStay() {
        String closedLongAgo = start(account(idp));
        admin("POST", "/v1/admin/recovery/cases/" + closedLongAgo + "/cancel", Map.of("reason", "owner asked")).statusCode(200);
        assertTrue(rowsOf(closedLongAgo) > 0, "a started case has a history and a code");
        ClockFixture.advance(connector, clock, Duration.ofDays(21));
        String closedLately = start(account(idp));
        admin("POST", "/v1/admin/recovery/cases/" + closedLately + "/cancel", Map.of("reason", "owner asked")).statusCode(200);
        ClockFixture.advance(connector, clock, Duration.ofDays(10));
        String open = start(account(idp));

        admin("POST", "/v1/admin/retention", null).statusCode(200);

        admin("GET", "/v1/admin/recovery/cases/" + closedLongAgo, null).statusCode(404);
        assertEquals(0, rowsOf(closedLongAgo), "its history and codes went with it");
        admin("GET", "/v1/admin/recovery/cases/" + closedLately, null).statusCode(200).body("status", equalTo("CANCELLED"));
        assertTrue(rowsOf(closedLately) > 0, "closed ten days ago: kept, with its rows");
        admin("GET", "/v1/admin/recovery/cases/" + open, null).statusCode(200).body("status", equalTo("VERIFYING_CONTACT"))
                .body("history.status", hasItems("VERIFYING_CONTACT"));
        admin("GET", "/v1/admin/retention", null).statusCode(200)
                .body("find { it.table == 'case_history' }.belongsTo", equalTo("recovery_case"))
                .body("table", not(hasItems("account_profile")));
    }
}
