package dev.lockstep.sim;

import static dev.lockstep.platform.testing.TestTokens.ADMIN;
import static dev.lockstep.sim.SimFixtures.inbox;
import static dev.lockstep.sim.SimFixtures.logged;
import static dev.lockstep.sim.SimFixtures.uniquePhone;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.lockstep.contracts.Events;
import dev.lockstep.contracts.OutboundMessage;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A reset's epoch fences off what was written before it: an old message on the topic sends nothing. */
@QuarkusTest
class ResetEpochTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Test
    void aMessageWrittenBeforeTheResetIsNotSentAfterIt() {
        long epoch = System.currentTimeMillis();
        given().header("Authorization", ADMIN).queryParam("epoch", epoch)
                .post("/v1/admin/reset").then().statusCode(200)
                .body("epoch", equalTo(epoch)).body("tables", hasItem("message"));

        String phone = uniquePhone();
        String stale = sendAt(phone, epoch - 1, "Your code is 111111");
        String current = sendAt(phone, epoch, "Your code is 222222");

        logged(current);
        assertEquals(List.of("222222"), inbox(phone).stream().map(m -> m.get("code")).toList());
        assertFalse(given().get("/v1/messages?limit=1000").then().extract().jsonPath().getList("id").contains(stale),
                "the message from before the reset is not in the delivery log");
    }

    @Test
    void aResetWithoutAnEpochKeepsTheServiceAtItsEpoch() {
        long epoch = System.currentTimeMillis() + 1000;
        given().header("Authorization", ADMIN).queryParam("epoch", epoch)
                .post("/v1/admin/reset").then().statusCode(200).body("epoch", equalTo(epoch));
        given().header("Authorization", ADMIN).post("/v1/admin/reset").then().statusCode(200)
                .body("epoch", equalTo(epoch));
    }

    @Test
    void aNegativeEpochIsAProblemAndChangesNothing() {
        long before = given().header("Authorization", ADMIN).post("/v1/admin/reset").then().statusCode(200)
                .extract().jsonPath().getLong("epoch");
        given().header("Authorization", ADMIN).queryParam("epoch", -5)
                .post("/v1/admin/reset").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("tag:lockstep.dev,2026:problem:invalid-epoch"));
        given().header("Authorization", ADMIN).queryParam("epoch", "soon")
                .post("/v1/admin/reset").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("tag:lockstep.dev,2026:problem:invalid-epoch"));
        assertEquals(before, given().header("Authorization", ADMIN).post("/v1/admin/reset").then().statusCode(200)
                .extract().jsonPath().getLong("epoch"));
    }

    private String sendAt(String phone, long epoch, String text) {
        String id = UUID.randomUUID().toString();
        connector.source("outbound-messages").send(Events.toJson(Events.envelope("/lockstep/otp-service", phone,
                Instant.now(), "corr-" + id, epoch, new OutboundMessage(id, phone, "sms", "Lockstep", text, "login-code",
                        "acc-1"))));
        return id;
    }
}
