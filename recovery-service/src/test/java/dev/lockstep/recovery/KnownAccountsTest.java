package dev.lockstep.recovery;

import static dev.lockstep.platform.testing.TestTokens.ADMIN;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.lockstep.contracts.AccountCreated;
import dev.lockstep.contracts.Events;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class KnownAccountsTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Test
    void anAccountCreatedInAuthServiceBecomesKnownHere() {
        String accountId = UUID.randomUUID().toString();
        connector.source("auth-events").send(Events.toJson(Events.envelope("/lockstep/auth-service", accountId,
                Instant.now(), null, new AccountCreated(accountId, "hanako", "+819012345678"))));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> given().header("Authorization", ADMIN).get("/v1/admin/accounts/" + accountId).statusCode() == 200);
        given().header("Authorization", ADMIN).get("/v1/admin/accounts/" + accountId).then()
                .body("username", equalTo("hanako"));
    }

    @Test
    void unknownAccountsAndMissingCredentialsAreProblems() {
        given().header("Authorization", ADMIN).get("/v1/admin/accounts/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("tag:lockstep.dev,2026:problem:account-not-found"));
        given().get("/v1/admin/accounts/" + UUID.randomUUID()).then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void healthAndOpenApiAreServed() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }
}
