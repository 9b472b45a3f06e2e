package dev.lockstep.recovery;

import static dev.lockstep.recovery.RecoveryFixtures.account;
import static dev.lockstep.recovery.RecoveryFixtures.post;
import static dev.lockstep.recovery.RecoveryFixtures.recoveryPhone;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.testing.ClockFixture;
import dev.lockstep.recovery.service.IdpGateway;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * SMS pumping: recovery sends codes to numbers and addresses the caller types in, so it sends at
 * most 10 a day to one destination whoever asks, and at most 20 a day for one account name across
 * its cases and resends — an unknown name alike, so the limit tells nothing about who exists.
 */
@QuarkusTest
class SendLimitsTest {

    @InjectMock
    IdpGateway idp;

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    SandboxClock clock;

    private static ValidatableResponse start(RecoveryFixtures.Account a, String recoveryPhone) {
        return post("/v1/recovery/cases", Map.of("username", a.username(), "trustedPhone", a.trustedPhone(),
                "recoveryPhone", recoveryPhone));
    }

    private static void refused(ValidatableResponse response) {
        response.statusCode(429).body("type", endsWith("send-limit-reached")).header("Retry-After", "86400");
    }

    @Test
    void oneNumberGetsAtMostTenRecoveryCodesADayWhoeverAsks() {
        String number = recoveryPhone();
        for (int i = 0; i < 10; i++) {
            start(account(idp), number).statusCode(201);
        }
        RecoveryFixtures.Account eleventh = account(idp);
        refused(start(eleventh, number));
        start(eleventh, recoveryPhone()).statusCode(201);

        ClockFixture.advance(connector, clock, Duration.ofDays(1).plusMinutes(1));
        start(account(idp), number).statusCode(201);
    }

    @Test
    void oneAccountNameGetsAtMostTwentyCodesADayAcrossCasesAndResends() {
        RecoveryFixtures.Account a = account(idp);
        // three numbers, the most one account may name in a day (NewNumberLimitsTest)
        String[] numbers = { recoveryPhone(), recoveryPhone(), recoveryPhone() };
        String first = start(a, numbers[0]).statusCode(201).extract().path("caseId");
        for (int i = 0; i < 4; i++) {
            post("/v1/recovery/cases/" + first + "/resend", Map.of()).statusCode(202);
        }
        String second = start(a, numbers[1]).statusCode(201).extract().path("caseId");
        for (int i = 0; i < 14; i++) {
            // 5 more to the first number (10 in all, its daily most), 5 to the second, 4 to the third
            start(a, numbers[i < 5 ? 0 : i < 10 ? 1 : 2]).statusCode(201);
        }
        refused(start(a, numbers[2]));
        refused(post("/v1/recovery/cases/" + second + "/resend", Map.of()));
        RecoveryFixtures.admin("GET", "/v1/admin/recovery/cases/" + second, null).statusCode(200)
                .body("history.detail", not(hasItem("code 2 sent")));

        String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 20; i++) {
            post("/v1/recovery/forms", Map.of("username", unknown, "contactEmail", "helper" + i + "@example.org"))
                    .statusCode(201);
        }
        refused(post("/v1/recovery/forms", Map.of("username", unknown, "contactEmail", "helper@example.org")));
    }
}
