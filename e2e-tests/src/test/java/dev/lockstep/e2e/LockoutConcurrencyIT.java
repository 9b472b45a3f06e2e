package dev.lockstep.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockstep.contracts.AccountLocked;
import dev.lockstep.contracts.CloudEvent;
import dev.lockstep.contracts.Events;
import dev.lockstep.contracts.Topic;
import dev.lockstep.e2e.support.Lockstep;
import dev.lockstep.e2e.support.SharedSandbox;
import dev.lockstep.launcher.SandboxOptions;
import dev.lockstep.launcher.Service;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Many wrong passwords at once, spread over every auth-service instance (two sharing PostgreSQL in
 * the PostgreSQL run): the account locks at exactly the policy's count, once, and the right
 * password gets nowhere afterwards.
 */
@ExtendWith(SharedSandbox.class)
@Order(14)
class LockoutConcurrencyIT {

    private static final int FAILURE_FACTOR = 25;
    private static final int ATTEMPTS = 200;

    @Test
    void twoHundredConcurrentWrongPasswordsLockAtExactlyThePolicysCount() throws Exception {
        List<String> instances = SharedSandbox.sandbox().authUrls();
        if (SharedSandbox.DATABASE == SandboxOptions.Database.POSTGRESQL) {
            assertEquals(2, instances.size(), "two auth-service instances share PostgreSQL");
        }
        Lockstep.Account account = Lockstep.newAccount();
        given().header("Authorization", Lockstep.admin()).contentType(ContentType.JSON)
                .body(Map.of("mode", "permanent", "failureFactor", FAILURE_FACTOR))
                .put(SharedSandbox.url(Service.AUTH) + "/v1/admin/accounts/" + account.username() + "/lockout-policy")
                .then().statusCode(200);

        List<Integer> wrong = concurrently(ATTEMPTS, instances, account.username(), "not the password");
        assertTrue(wrong.stream().allMatch(status -> status == 401), "every wrong attempt answers 401: " + wrong);

        Response view = given().header("Authorization", Lockstep.admin())
                .get(SharedSandbox.url(Service.AUTH) + "/v1/admin/accounts/" + account.username());
        assertEquals("LOCKED", view.path("status"), view.asString());
        assertEquals(FAILURE_FACTOR, (int) view.path("failures"), "counted up to the policy and not one further");

        List<Integer> right = concurrently(20, instances, account.username(), Lockstep.PASSWORD);
        assertTrue(right.stream().allMatch(status -> status == 401), "no right password gets in once locked: " + right);

        // the first lock event, then a quiet second in which a second one, had there been one, would arrive
        List<CloudEvent> locks = Lockstep.settledEvents(Topic.AUTH_EVENTS,
                e -> account.id().equals(e.subject()) && Events.is(e, AccountLocked.class), Duration.ofSeconds(1));
        assertEquals(1, locks.size(), "locked once");
        assertEquals(FAILURE_FACTOR, Events.body(locks.get(0), AccountLocked.class).failures());
    }

    /** {@code count} logins at once (16 threads), spread round-robin over the instances; their statuses. */
    private static List<Integer> concurrently(int count, List<String> instances, String username, String password)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String url = instances.get(i % instances.size());
                answers.add(pool.submit(() -> given().contentType(ContentType.JSON)
                        .body(Map.of("username", username, "password", password))
                        .post(url + "/v1/login").statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
