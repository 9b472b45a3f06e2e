package dev.lockstep.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lockstep.e2e.support.Lockstep;
import dev.lockstep.e2e.support.SharedSandbox;
import dev.lockstep.launcher.LocalPostgres;
import dev.lockstep.launcher.SandboxOptions;
import dev.lockstep.launcher.Service;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PostgreSQL stopped for ten seconds while logins go on (the PostgreSQL run of the suite; H2 lives
 * inside each service and cannot be stopped alone). During: every answer a clean 503 problem, with
 * {@code Retry-After}. After: full service, and nothing half-written — a refused login left no failed
 * attempt, no lock and no code behind; a code issued just before the stop still arrives, once.
 */
@ExtendWith(SharedSandbox.class)
@Order(29)
class DatabaseOutageIT {

    private static final String UNAVAILABLE = "tag:lockstep.dev,2026:problem:service-unavailable";

    @Test
    void loginsWhileTheDatabaseIsStoppedAreRefusedCleanlyAndLeaveNothingHalfWritten() throws Exception {
        assumeTrue(SharedSandbox.DATABASE == SandboxOptions.Database.POSTGRESQL,
                "only the PostgreSQL run has a database server to stop");
        Lockstep.Account before = Lockstep.newAccount();
        Lockstep.Account during = Lockstep.newAccount();
        String challengeBefore = Lockstep.challenge(before);
        LocalPostgres postgres = SharedSandbox.sandbox().postgres();

        List<Response> answers = new ArrayList<>();
        postgres.close();
        try {
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            boolean wrong = false;
            while (System.nanoTime() < end) {
                answers.add(Lockstep.login(during.username(), wrong ? "not-the-password" : Lockstep.PASSWORD));
                wrong = !wrong;
            }
        } finally {
            postgres.start(List.of());
        }

        assertFalse(answers.isEmpty());
        for (Response answer : answers) {
            assertEquals(503, answer.statusCode(), answer.asString());
            assertTrue(answer.contentType().startsWith("application/problem+json"), answer.contentType());
            assertEquals(UNAVAILABLE, answer.path("type"));
            assertEquals("5", answer.header("Retry-After"));
        }

        Lockstep.awaitEveryServiceReady(Duration.ofSeconds(90));
        Map<String, Object> view = given().header("Authorization", Lockstep.admin())
                .get(SharedSandbox.url(Service.AUTH) + "/v1/admin/accounts/" + during.username()).then()
                .statusCode(200).extract().jsonPath().getMap("$");
        assertEquals("ACTIVE", view.get("status"), "the refused logins locked nothing: " + view);
        assertEquals(0, view.get("failures"), "the refused wrong passwords counted nothing: " + view);
        assertEquals(List.of(), view.get("recentAttempts"), "no attempt was half-recorded: " + view);
        assertEquals(List.of(), Lockstep.inbox(during.phone()), "no code for a refused login");

        for (int i = 1; i <= 5; i++) {
            String challenge = Lockstep.challenge(during);
            assertEquals(200, Lockstep.verify(challenge, Lockstep.nthCode(during.phone(), i)).statusCode());
        }
        assertEquals(5, Lockstep.inbox(during.phone()).size(), "one code per login after the outage");
        assertEquals(200, Lockstep.verify(challengeBefore, Lockstep.nthCode(before.phone(), 1)).statusCode(),
                "the code issued before the stop arrived");
        assertEquals(1, Lockstep.inbox(before.phone()).size(), "and arrived once");
    }
}
