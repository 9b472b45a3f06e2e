package dev.lockstep.otp;

import static dev.lockstep.otp.OtpFixtures.factorTypes;
import static dev.lockstep.platform.testing.TestTokens.ADMIN;
import static dev.lockstep.platform.testing.TestTokens.INTERNAL;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** auth-service removes a factor for the owner (after checking the password and the lock) over the internal API. */
@QuarkusTest
class OwnerRemovesFactorTest {

    @Inject
    @Any
    InMemoryConnector connector;

    private static ValidatableResponse remove(String accountId, String factorId, String token) {
        return given().header("Authorization", token)
                .delete("/v1/internal/accounts/" + accountId + "/factors/" + factorId).then();
    }

    private static List<String> factorIds(String accountId) {
        return given().header("Authorization", INTERNAL).get("/v1/internal/accounts/" + accountId + "/factors")
                .then().extract().path("id");
    }

    @Test
    void aPhoneGoesButNeverTheLastAndTheRecoveryKeyGoesToo() {
        String accountId = OtpFixtures.account(connector);
        String first = factorIds(accountId).get(0);
        remove(accountId, first, INTERNAL).statusCode(409).body("type", equalTo("tag:lockstep.dev,2026:problem:last-phone"));

        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("phone", "+819099990001"))
                .post("/v1/admin/accounts/" + accountId + "/phones").then().statusCode(201);
        given().header("Authorization", ADMIN).post("/v1/admin/accounts/" + accountId + "/recovery-key")
                .then().statusCode(201);
        assertEquals(List.of("sms", "sms", "recovery-key"), factorTypes(accountId));

        remove(accountId, first, INTERNAL).statusCode(204);
        String key = factorIds(accountId).get(factorTypes(accountId).indexOf("recovery-key"));
        remove(accountId, key, INTERNAL).statusCode(204);
        assertEquals(List.of("sms"), factorTypes(accountId));
    }

    @Test
    void anUnknownFactorOrAnotherAccountsIsNotFoundAndTheAdminTokenIsNotEnough() {
        String accountId = OtpFixtures.account(connector);
        String other = OtpFixtures.account(connector);
        String factor = factorIds(accountId).get(0);
        remove(other, factor, INTERNAL).statusCode(404);
        remove(accountId, UUID.randomUUID().toString(), INTERNAL).statusCode(404);
        remove(accountId, factor, ADMIN).statusCode(401);
        assertEquals(List.of("sms"), factorTypes(accountId));
    }
}
