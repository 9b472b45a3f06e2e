package dev.lockstep.auth;

import static dev.lockstep.auth.AuthFixtures.PASSWORD;
import static dev.lockstep.auth.AuthFixtures.createAccount;
import static dev.lockstep.auth.AuthFixtures.uniqueUsername;
import static dev.lockstep.platform.testing.TestTokens.ADMIN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.lockstep.auth.service.OtpGateway;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.testing.ClockFixture;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sessions and refresh tokens do not pile up: a token goes a week after it expired, a session once it
 * is 30 days old and none of its tokens is left; a session still being refreshed stays however old.
 */
@QuarkusTest
class SessionRetentionTest {

    @InjectMock
    OtpGateway otp;

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    SandboxClock clock;

    private static String signIn(String username) {
        return given().contentType(ContentType.JSON).body(Map.of("username", username, "password", PASSWORD))
                .post("/v1/login").then().statusCode(200).body("status", equalTo("SUCCESS")).extract().path("refresh_token");
    }

    private static String accountWithoutSecondFactor() {
        String username = uniqueUsername();
        createAccount(username);
        AuthFixtures.setMfaMode(username, "off");
        return username;
    }

    private static ValidatableResponse refresh(String refreshToken) {
        return given().contentType(ContentType.JSON).body(Map.of("refresh_token", refreshToken)).post("/v1/token/refresh")
                .then();
    }

    private static ValidatableResponse sessionsOf(String username) {
        return given().header("Authorization", ADMIN).get("/v1/admin/accounts/" + username + "/sessions").then()
                .statusCode(200);
    }

    @Test
    void anAbandonedSessionGoesWithItsTokensAndARefreshedOneStays() {
        String abandoned = accountWithoutSecondFactor();
        String kept = accountWithoutSecondFactor();
        String abandonedToken = signIn(abandoned);
        String keptToken = signIn(kept);

        ClockFixture.advance(connector, clock, Duration.ofDays(20));
        keptToken = refresh(keptToken).statusCode(200).extract().path("refresh_token");
        // the abandoned token expired on day 30 and is kept until day 37; the refreshed one lives to day 50
        ClockFixture.advance(connector, clock, Duration.ofDays(18));
        sessionsOf(abandoned).body("$", hasSize(1));

        given().header("Authorization", ADMIN).post("/v1/admin/retention").then().statusCode(200);

        sessionsOf(abandoned).body("$", hasSize(0));
        refresh(abandonedToken).statusCode(401).body("type", equalTo("tag:lockstep.dev,2026:problem:invalid-refresh-token"));
        sessionsOf(kept).body("$", hasSize(1));
        refresh(keptToken).statusCode(200).body("status", equalTo("SUCCESS"));
    }
}
