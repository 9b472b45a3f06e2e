package dev.lockstep.otp;

import static dev.lockstep.platform.testing.TestTokens.ADMIN;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockstep.contracts.AccountCreated;
import dev.lockstep.contracts.Events;
import dev.lockstep.contracts.LoginChallengeCreated;
import dev.lockstep.contracts.OutboundMessage;
import dev.lockstep.platform.testing.InMemoryEvents;
import dev.lockstep.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Seeded codes, for replaying a story: with the same seed, the same number gets the same codes in
 * the same order after a reset, as a replayed scenario needs; a reset (or null) goes back to random.
 */
@QuarkusTest
class SeededCodesTest {

    private static final String PHONE = "+819012340707";

    @Inject
    @Any
    InMemoryConnector connector;

    @AfterEach
    void random() {
        seed(null);
    }

    private static void seed(Long seed) {
        Map<String, Object> body = new HashMap<>();
        body.put("seed", seed);
        given().header("Authorization", ADMIN).header("X-Lockstep-Operator", "replayer").contentType(ContentType.JSON)
                .body(body).put("/v1/admin/code-seed").then().statusCode(200).body("seed", seed == null ? nullValue()
                        : equalTo(seed.intValue()));
    }

    /** A fresh sandbox, an account on {@link #PHONE}, two logins: the two codes it got. */
    private List<String> twoCodesAfterAReset(Long seed) {
        given().header("Authorization", ADMIN).post("/v1/admin/reset").then().statusCode(200);
        if (seed != null) {
            seed(seed);
        }
        InMemorySink<String> outbox = InMemoryEvents.clearedOutbox(connector);
        String accountId = UUID.randomUUID().toString();
        connector.source("auth-events").send(Events.toJson(Events.envelope("/lockstep/auth-service", accountId,
                Instant.now(), null, new AccountCreated(accountId, "u-" + accountId, PHONE))));
        await().atMost(Duration.ofSeconds(5)).until(() -> factor(accountId) != null);
        for (int login = 0; login < 2; login++) {
            connector.source("auth-events").send(Events.toJson(Events.envelope("/lockstep/auth-service", accountId,
                    Instant.now(), null, new LoginChallengeCreated(UUID.randomUUID().toString(), accountId,
                            factor(accountId), Instant.now().plusSeconds(900)))));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> texts(outbox).size() == 2);
        return texts(outbox).stream().map(SeededCodesTest::code).toList();
    }

    private static String factor(String accountId) {
        List<String> ids = given().header("Authorization", TestTokens.INTERNAL)
                .get("/v1/internal/accounts/" + accountId + "/factors").then().statusCode(200).extract().path("id");
        return ids.isEmpty() ? null : ids.get(0);
    }

    private static List<String> texts(InMemorySink<String> outbox) {
        return InMemoryEvents.published(outbox, OutboundMessage.class).stream()
                .map(e -> Events.body(e, OutboundMessage.class)).filter(m -> PHONE.equals(m.to()))
                .map(OutboundMessage::text).toList();
    }

    private static String code(String text) {
        Matcher digits = Pattern.compile("\\b(\\d{6})\\b").matcher(text);
        assertTrue(digits.find(), text);
        return digits.group(1);
    }

    @Test
    void theSameSeedGivesTheSameCodesAfterAResetAndAResetGoesBackToRandom() {
        List<String> first = twoCodesAfterAReset(2026L);
        List<String> again = twoCodesAfterAReset(2026L);
        assertEquals(first, again);
        assertNotEquals(first.get(0), first.get(1), "each code of a number is another");
        assertNotEquals(first, twoCodesAfterAReset(7L), "another seed, other codes");
        given().header("Authorization", ADMIN).get("/v1/admin/code-seed").then().body("seed", equalTo(7));
        given().header("Authorization", ADMIN).post("/v1/admin/reset").then().statusCode(200);
        given().header("Authorization", ADMIN).get("/v1/admin/code-seed").then().body("seed", nullValue());
    }
}
