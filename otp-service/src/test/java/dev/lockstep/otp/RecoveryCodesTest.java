package dev.lockstep.otp;

import static dev.lockstep.otp.OtpFixtures.account;
import static dev.lockstep.otp.OtpFixtures.check;
import static dev.lockstep.otp.OtpFixtures.factorTypes;
import static dev.lockstep.platform.testing.TestTokens.ADMIN;
import static dev.lockstep.platform.testing.TestTokens.INTERNAL;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** Recovery codes: a set shown once, each code a second factor once, a new set voids the old. */
@QuarkusTest
class RecoveryCodesTest {

    @Inject
    @Any
    InMemoryConnector connector;

    private static Map<String, Object> generate(String accountId) {
        return given().header("Authorization", ADMIN).post("/v1/admin/accounts/" + accountId + "/recovery-codes")
                .then().statusCode(201).extract().jsonPath().getMap("$");
    }

    @Test
    void aSetOfTenDistinctCodesIsShownOnceAndListedAsAFactor() {
        String accountId = account(connector);
        Map<String, Object> generated = generate(accountId);
        @SuppressWarnings("unchecked")
        List<String> codes = (List<String>) generated.get("codes");
        assertEquals(10, codes.size());
        assertEquals(10, new HashSet<>(codes).size());
        assertTrue(codes.stream().allMatch(c -> c.matches("[2-9a-hjkmnp-z]{5}-[2-9a-hjkmnp-z]{5}")), codes.toString());
        assertEquals(List.of("sms", "recovery-code"), factorTypes(accountId));
        given().header("Authorization", ADMIN).get("/v1/admin/accounts/" + accountId + "/recovery-codes").then()
                .statusCode(200).body("remaining", equalTo(10)).body("codes", Matchers.nullValue());
    }

    @Test
    void eachCodeWorksOnceInAnyCaseAndANewSetVoidsTheOld() {
        String accountId = account(connector);
        Map<String, Object> first = generate(accountId);
        String factorId = (String) first.get("factorId");
        @SuppressWarnings("unchecked")
        List<String> codes = (List<String>) first.get("codes");
        String code = codes.get(0);
        check(UUID.randomUUID().toString(), accountId, code.toUpperCase(Locale.ROOT).replace("-", ""), factorId)
                .body("outcome", equalTo("VALID")).body("factorType", equalTo("recovery-code"));
        check(UUID.randomUUID().toString(), accountId, code, factorId).body("outcome", equalTo("USED"));
        given().header("Authorization", ADMIN).get("/v1/admin/accounts/" + accountId + "/recovery-codes").then()
                .body("remaining", equalTo(9));

        generate(accountId);
        check(UUID.randomUUID().toString(), accountId, codes.get(1), factorId).body("outcome", equalTo("INVALID"));
    }

    @Test
    void unknownAccountsAndMalformedCodesAreProblems() {
        given().header("Authorization", ADMIN).post("/v1/admin/accounts/" + UUID.randomUUID() + "/recovery-codes")
                .then().statusCode(404);
        given().post("/v1/admin/accounts/" + UUID.randomUUID() + "/recovery-codes").then().statusCode(401);
        String accountId = account(connector);
        given().header("Authorization", ADMIN).get("/v1/admin/accounts/" + accountId + "/recovery-codes").then()
                .statusCode(404).body("type", equalTo("tag:lockstep.dev,2026:problem:recovery-codes-not-found"));
        given().header("Authorization", INTERNAL).contentType(ContentType.JSON)
                .body(Map.of("accountId", accountId, "code", "not-a-code!"))
                .post("/v1/internal/challenges/" + UUID.randomUUID() + "/check").then().statusCode(400);
    }
}
