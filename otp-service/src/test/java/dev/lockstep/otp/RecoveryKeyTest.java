package dev.lockstep.otp;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockstep.contracts.AccountCreated;
import dev.lockstep.contracts.Events;
import dev.lockstep.contracts.RecoveryKeyChanged;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The recovery key: made by an operator, shown once, a second factor that is not used up, an event each way. */
@QuarkusTest
class RecoveryKeyTest {

    private static final String ADMIN = "Bearer test-admin-token";
    private static final String INTERNAL = "Bearer test-internal-token";
    private static final AtomicInteger PHONES = new AtomicInteger(8000);

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

    private static ValidatableResponse check(String accountId, String code, String factorId) {
        return given().header("Authorization", INTERNAL).contentType(ContentType.JSON)
                .body(Map.of("accountId", accountId, "code", code, "factorId", factorId))
                .post("/v1/internal/challenges/" + UUID.randomUUID() + "/check").then().statusCode(200);
    }

    private List<RecoveryKeyChanged> keyEvents(String accountId) {
        return connector.sink("outbox").received().stream().map(m -> Events.fromJson((String) m.getPayload()))
                .filter(e -> Events.is(e, RecoveryKeyChanged.class))
                .map(e -> Events.body(e, RecoveryKeyChanged.class))
                .filter(k -> k.accountId().equals(accountId)).toList();
    }

    @Test
    void aKeyIsShownOnceWorksAsASecondFactorAndTurningItOnOrOffIsAnEvent() {
        String accountId = account();
        String path = "/v1/admin/accounts/" + accountId + "/recovery-key";
        Map<String, Object> created = given().header("Authorization", ADMIN).post(path).then().statusCode(201)
                .extract().jsonPath().getMap("$");
        String key = (String) created.get("recoveryKey");
        String factorId = (String) created.get("factorId");
        assertTrue(key.matches("RK-[ABCDEFGHJKLMNPQRSTUVWXYZ2-9]{12}"), key);
        given().header("Authorization", ADMIN).get(path).then().body("enabled", equalTo(true))
                .body("recoveryKey", org.hamcrest.Matchers.nullValue());
        assertEquals(List.of("sms", "recovery-key"), factorTypes(accountId));

        check(accountId, key.toLowerCase(Locale.ROOT), factorId).body("outcome", equalTo("VALID"))
                .body("factorType", equalTo("recovery-key"));
        check(accountId, key, factorId).body("outcome", equalTo("VALID"));
        check(accountId, "RK-ABCDEFGHJKLM", factorId).body("outcome", equalTo("INVALID"));

        given().header("Authorization", ADMIN).delete(path).then().statusCode(204);
        given().header("Authorization", ADMIN).get(path).then().body("enabled", equalTo(false));
        given().header("Authorization", ADMIN).delete(path).then().statusCode(404);
        check(accountId, key, factorId).body("outcome", equalTo("UNKNOWN_FACTOR"));
        await().atMost(Duration.ofSeconds(5)).until(() -> keyEvents(accountId).size() == 2);
        assertEquals(List.of(true, false), keyEvents(accountId).stream().map(RecoveryKeyChanged::enabled).toList());
    }

    @Test
    void aNewKeyReplacesTheOld() {
        String accountId = account();
        String path = "/v1/admin/accounts/" + accountId + "/recovery-key";
        Map<String, Object> first = given().header("Authorization", ADMIN).post(path).then().extract().jsonPath().getMap("$");
        Map<String, Object> second = given().header("Authorization", ADMIN).post(path).then().extract().jsonPath().getMap("$");
        check(accountId, (String) first.get("recoveryKey"), (String) second.get("factorId")).body("outcome", equalTo("INVALID"));
        check(accountId, (String) second.get("recoveryKey"), (String) second.get("factorId")).body("outcome", equalTo("VALID"));
        given().post(path).then().statusCode(401);
        given().header("Authorization", ADMIN).post("/v1/admin/accounts/" + UUID.randomUUID() + "/recovery-key")
                .then().statusCode(404);
    }
}
