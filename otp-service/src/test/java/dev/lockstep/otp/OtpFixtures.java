package dev.lockstep.otp;

import static dev.lockstep.platform.testing.TestTokens.INTERNAL;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import dev.lockstep.contracts.AccountCreated;
import dev.lockstep.platform.testing.InMemoryEvents;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Object mother for otp-service tests: accounts made as auth-service makes them, factors, checks. */
final class OtpFixtures {

    private static final AtomicInteger PHONES = new AtomicInteger(6000);

    private OtpFixtures() {
    }

    /** The phone of the account {@link #account} made last. */
    static String lastPhone() {
        return "+8190" + String.format("%04d", PHONES.get()) + "5678";
    }

    /** An account with a phone, announced as auth-service would; returns its id once the phone is a factor. */
    static String account(InMemoryConnector connector) {
        String accountId = UUID.randomUUID().toString();
        String phone = "+8190" + String.format("%04d", PHONES.incrementAndGet()) + "5678";
        InMemoryEvents.publish(connector, "auth-events", "auth-service", accountId, null,
                new AccountCreated(accountId, "u-" + accountId, phone));
        await().atMost(Duration.ofSeconds(5)).until(() -> !factorTypes(accountId).isEmpty());
        return accountId;
    }

    /** The types of the account's usable factors, in the order the login offers them. */
    static List<String> factorTypes(String accountId) {
        return given().header("Authorization", INTERNAL).get("/v1/internal/accounts/" + accountId + "/factors")
                .then().statusCode(200).extract().path("type");
    }

    /** Checks a code of a factor for a (new) challenge through the internal API. */
    static ValidatableResponse check(String challengeId, String accountId, String code, String factorId) {
        return given().header("Authorization", INTERNAL).contentType(ContentType.JSON)
                .body(Map.of("accountId", accountId, "code", code, "factorId", factorId))
                .post("/v1/internal/challenges/" + challengeId + "/check").then().statusCode(200);
    }
}
