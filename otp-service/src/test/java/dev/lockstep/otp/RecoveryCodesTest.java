package dev.lockstep.otp;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockstep.contracts.AccountCreated;
import dev.lockstep.contracts.Events;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Recovery codes: a set shown once, each code a second factor once, a new set voids the old. */
@QuarkusTest
class RecoveryCodesTest {

    private static final String ADMIN = "Bearer test-admin-token";
    private static final String INTERNAL = "Bearer test-internal-token";
    private static final AtomicInteger PHONES = new AtomicInteger(7000);

    @Inject
    @Any
    InMemoryConnector connector;

    private String account() {
        String accountId = UUID.randomUUID().toString();
        String phone = "+8190" + String.format("%04d", PHONES.incrementAndGet()) + "5678";
        connector.source("auth-events").send(Events.toJson(Events.envelope("/lockstep/auth-service", accountId,
                Instant.now(), null, new AccountCreated(accountId, "u-" + accountId, phone))));
        await().atMost(Duration.ofSeconds(5)).until(() -> !factorTypes(accountId).isEmpty());
        return accountId;
    }

    private static List<String> factorTypes(String accountId) {
        return given().header("Authorization", INTERNAL).get("/v1/internal/accounts/" + accountId + "/factors")
                .then().statusCode(200).extract().path("type");
    }

    private static Map<String, Object> generate(String accountId) {
        return given().header("Authorization", ADMIN).post("/v1/admin/accounts/" + accountId + "/recovery-codes")
                .then().statusCode(201).extract().jsonPath().getMap("$");
    }

    private static ValidatableResponse check(String accountId, String code, String factorId) {
        return given().header("Authorization", INTERNAL).contentType(ContentType.JSON)
                .body(Map.of("accountId", accountId, "code", code, "factorId", factorId))
                .post("/v1/internal/challenges/" + UUID.randomUUID() + "/check").then().statusCode(200);
    }

    @Test
    void aSetOfTenDistinctCodesIsShownOnceAndListedAsAFactor() {
        String accountId = account();
        Map<String, Object> generated = generate(accountId);
        @SuppressWarnings("unchecked")
        List<String> codes = (List<String>) generated.get("codes");
        assertEquals(10, codes.size());
        assertEquals(10, new HashSet<>(codes).size());
        assertTrue(codes.stream().allMatch(c -> c.matches("[2-9a-hjkmnp-z]{5}-[2-9a-hjkmnp-z]{5}")), codes.toString());
        assertEquals(List.of("sms", "recovery-code"), factorTypes(accountId));
        given().header("Authorization", ADMIN).get("/v1/admin/accounts/" + accountId + "/recovery-codes").then()
                .statusCode(200).body("remaining", equalTo(10)).body("codes", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void eachCodeWorksOnceInAnyCaseAndANewSetVoidsTheOld() {
        String accountId = account();
        Map<String, Object> first = generate(accountId);
        String factorId = (String) first.get("factorId");
        @SuppressWarnings("unchecked")
        List<String> codes = (List<String>) first.get("codes");
        String code = codes.get(0);
        check(accountId, code.toUpperCase(Locale.ROOT).replace("-", ""), factorId)
                .body("outcome", equalTo("VALID")).body("factorType", equalTo("recovery-code"));
        check(accountId, code, factorId).body("outcome", equalTo("USED"));
        given().header("Authorization", ADMIN).get("/v1/admin/accounts/" + accountId + "/recovery-codes").then()
                .body("remaining", equalTo(9));

        generate(accountId);
        check(accountId, codes.get(1), factorId).body("outcome", equalTo("INVALID"));
    }

    @Test
    void unknownAccountsAndMalformedCodesAreProblems() {
        given().header("Authorization", ADMIN).post("/v1/admin/accounts/" + UUID.randomUUID() + "/recovery-codes")
                .then().statusCode(404);
        given().post("/v1/admin/accounts/" + UUID.randomUUID() + "/recovery-codes").then().statusCode(401);
        String accountId = account();
        given().header("Authorization", ADMIN).get("/v1/admin/accounts/" + accountId + "/recovery-codes").then()
                .statusCode(404).body("type", equalTo("tag:lockstep.dev,2026:problem:recovery-codes-not-found"));
        given().header("Authorization", INTERNAL).contentType(ContentType.JSON)
                .body(Map.of("accountId", accountId, "code", "not-a-code!"))
                .post("/v1/internal/challenges/" + UUID.randomUUID() + "/check").then().statusCode(400);
    }
}
