package dev.lockstep.e2e;

import static dev.lockstep.e2e.support.Lockstep.challenge;
import static dev.lockstep.e2e.support.Lockstep.inbox;
import static dev.lockstep.e2e.support.Lockstep.newAccount;
import static dev.lockstep.e2e.support.Lockstep.nthCode;
import static dev.lockstep.e2e.support.Lockstep.verify;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lockstep.e2e.support.Lockstep;
import dev.lockstep.e2e.support.SharedSandbox;
import dev.lockstep.launcher.Sandbox;
import dev.lockstep.launcher.Service;
import java.time.Duration;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The transactional outbox: a login whose event cannot be published because the broker is dead
 * still gets its code once the broker is back. Runs last: it takes the shared broker down.
 */
@ExtendWith(SharedSandbox.class)
@Order(100)
class BrokerOutageIT {

    @Test
    void aCodeIssuedWhileTheBrokerIsDownArrivesOnceItIsBack() throws Exception {
        Lockstep.Account account = newAccount();
        Sandbox sandbox = SharedSandbox.sandbox();

        sandbox.broker().kill();
        String challengeId = challenge(account);
        await("no code while the broker is down").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> inbox(account.phone()).isEmpty());
        given().get(SharedSandbox.url(Service.AUTH) + "/q/health/ready").then().statusCode(503);

        sandbox.restartBroker(Duration.ofSeconds(60));
        String code = nthCode(account.phone(), 1, Duration.ofSeconds(90));
        assertEquals(200, verify(challengeId, code).statusCode());
        assertEquals(1, inbox(account.phone()).size(), "the code must arrive exactly once");

        Lockstep.awaitEveryServiceReady(Duration.ofSeconds(60));
    }
}
