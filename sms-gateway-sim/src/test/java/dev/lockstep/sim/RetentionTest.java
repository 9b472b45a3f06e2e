package dev.lockstep.sim;

import static dev.lockstep.platform.testing.TestTokens.ADMIN;
import static dev.lockstep.sim.SimFixtures.advance;
import static dev.lockstep.sim.SimFixtures.logged;
import static dev.lockstep.sim.SimFixtures.send;
import static dev.lockstep.sim.SimFixtures.uniquePhone;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockstep.platform.audit.AuditEntry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The delivery log and the handled-event ids keep rows for as long as their rule says, on the sandbox clock. */
@QuarkusTest
class RetentionTest {

    private static final String PROBLEM = "tag:lockstep.dev,2026:problem:invalid-retention";

    @Inject
    @Any
    InMemoryConnector connector;

    private static String keepOf(String table) {
        return given().header("Authorization", ADMIN).get("/v1/admin/retention").then().statusCode(200).extract()
                .jsonPath().getString("find { it.table == '" + table + "' }.keep");
    }

    private static boolean inTheLog(String messageId) {
        return given().get("/v1/messages?limit=1000").then().extract().jsonPath().getList("id").contains(messageId);
    }

    @Test
    void messagesOlderThanTheLogKeepsAreRemovedAndNewerOnesStay() {
        given().header("Authorization", ADMIN).get("/v1/admin/retention").then().statusCode(200)
                .body("find { it.table == 'message' }.column", equalTo("accepted_at"))
                .body("find { it.table == 'message' }.keep", equalTo("P30D"))
                .body("find { it.table == 'processed_event' }.column", equalTo("processed_at"));
        String old = send(connector, uniquePhone(), "Your code is 135790");
        logged(old);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"keep\":{\"message\":\"PT1H\"}}")
                .put("/v1/admin/retention").then().statusCode(200)
                .body("find { it.table == 'message' }.keep", equalTo("PT1H"));

        advance("PT2H");
        String fresh = send(connector, uniquePhone(), "Your code is 246801");
        logged(fresh);
        given().header("Authorization", ADMIN).post("/v1/admin/retention").then().statusCode(200)
                .body("removed.message", greaterThanOrEqualTo(1));

        assertFalse(inTheLog(old), "two sandbox hours old, past the hour the log keeps");
        assertTrue(inTheLog(fresh), "sent after the move: kept");
        List<String> actions = QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry> listAll().stream()
                .map(entry -> entry.action).toList());
        assertTrue(actions.contains("retention.changed") && actions.contains("retention.applied"), actions.toString());

        given().header("Authorization", ADMIN).post("/v1/admin/reset").then().statusCode(200);
        assertEquals("P30D", keepOf("message"), "a reset goes back to the configured rules");
    }

    @Test
    void aBadChangeIsAProblemAndChangesNothing() {
        String before = keepOf("message");
        for (String body : List.of("{\"keep\":{\"account\":\"P1D\"}}", "{\"keep\":{\"message\":\"soon\"}}",
                "{\"keep\":{\"message\":\"PT1S\"}}", "{\"keep\":{\"message\":\"P4000D\"}}", "{\"keep\":{}}", "{}",
                "{\"keep\":{\"message\":\"PT2H\",\"phone\":\"P1D\"}}")) {
            given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body)
                    .put("/v1/admin/retention").then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo(PROBLEM));
            assertEquals(before, keepOf("message"), body);
        }
        given().contentType(ContentType.JSON).body("{\"keep\":{\"message\":\"PT2H\"}}").put("/v1/admin/retention")
                .then().statusCode(401);
        assertEquals(before, keepOf("message"));
    }
}
