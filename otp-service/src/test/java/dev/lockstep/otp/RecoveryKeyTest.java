package dev.lockstep.otp;

import static dev.lockstep.otp.OtpFixtures.account;
import static dev.lockstep.otp.OtpFixtures.check;
import static dev.lockstep.otp.OtpFixtures.factorTypes;
import static dev.lockstep.platform.testing.TestTokens.ADMIN;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockstep.contracts.Events;
import dev.lockstep.contracts.RecoveryKeyChanged;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** The recovery key: made by an operator, shown once, a second factor that is not used up, an event each way. */
@QuarkusTest
class RecoveryKeyTest {

    @Inject
    @Any
    InMemoryConnector connector;

    private List<RecoveryKeyChanged> keyEvents(String accountId) {
        return connector.sink("outbox").received().stream().map(m -> Events.fromJson((String) m.getPayload()))
                .filter(e -> Events.is(e, RecoveryKeyChanged.class))
                .map(e -> Events.body(e, RecoveryKeyChanged.class))
                .filter(k -> k.accountId().equals(accountId)).toList();
    }

    @Test
    void aKeyIsShownOnceWorksAsASecondFactorAndTurningItOnOrOffIsAnEvent() {
        String accountId = account(connector);
        String path = "/v1/admin/accounts/" + accountId + "/recovery-key";
        Map<String, Object> created = given().header("Authorization", ADMIN).post(path).then().statusCode(201)
                .extract().jsonPath().getMap("$");
        String key = (String) created.get("recoveryKey");
        String factorId = (String) created.get("factorId");
        assertTrue(key.matches("RK-[ABCDEFGHJKLMNPQRSTUVWXYZ2-9]{12}"), key);
        given().header("Authorization", ADMIN).get(path).then().body("enabled", equalTo(true))
                .body("recoveryKey", Matchers.nullValue());
        assertEquals(List.of("sms", "recovery-key"), factorTypes(accountId));

        check(UUID.randomUUID().toString(), accountId, key.toLowerCase(Locale.ROOT), factorId).body("outcome", equalTo("VALID"))
                .body("factorType", equalTo("recovery-key"));
        check(UUID.randomUUID().toString(), accountId, key, factorId).body("outcome", equalTo("VALID"));
        check(UUID.randomUUID().toString(), accountId, "RK-ABCDEFGHJKLM", factorId).body("outcome", equalTo("INVALID"));

        given().header("Authorization", ADMIN).delete(path).then().statusCode(204);
        given().header("Authorization", ADMIN).get(path).then().body("enabled", equalTo(false));
        given().header("Authorization", ADMIN).delete(path).then().statusCode(404);
        check(UUID.randomUUID().toString(), accountId, key, factorId).body("outcome", equalTo("UNKNOWN_FACTOR"));
        await().atMost(Duration.ofSeconds(5)).until(() -> keyEvents(accountId).size() == 2);
        assertEquals(List.of(true, false), keyEvents(accountId).stream().map(RecoveryKeyChanged::enabled).toList());
    }

    @Test
    void aNewKeyReplacesTheOld() {
        String accountId = account(connector);
        String path = "/v1/admin/accounts/" + accountId + "/recovery-key";
        Map<String, Object> first = given().header("Authorization", ADMIN).post(path).then().extract().jsonPath().getMap("$");
        Map<String, Object> second = given().header("Authorization", ADMIN).post(path).then().extract().jsonPath().getMap("$");
        check(UUID.randomUUID().toString(), accountId, (String) first.get("recoveryKey"), (String) second.get("factorId"))
                .body("outcome", equalTo("INVALID"));
        check(UUID.randomUUID().toString(), accountId, (String) second.get("recoveryKey"), (String) second.get("factorId"))
                .body("outcome", equalTo("VALID"));
        given().post(path).then().statusCode(401);
        given().header("Authorization", ADMIN).post("/v1/admin/accounts/" + UUID.randomUUID() + "/recovery-key")
                .then().statusCode(404);
    }
}
