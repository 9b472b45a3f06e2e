package dev.lockstep.auth;

import static dev.lockstep.auth.AuthFixtures.PASSWORD;
import static dev.lockstep.auth.AuthFixtures.createAccount;
import static dev.lockstep.auth.AuthFixtures.uniqueUsername;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * otp-service is not running: the connection for the account's factors is refused (after the gateway's
 * retries), and the user gets a 503 problem to retry, never a 500.
 */
@QuarkusTest
@TestProfile(OtpServiceDownTest.OtpDown.class)
class OtpServiceDownTest {

    public static class OtpDown implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.rest-client.otp.url", "http://127.0.0.1:" + closedPort());
        }

        /** A port nothing listens on: one the system handed out and that was closed again. */
        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void otpServiceDownIsA503ProblemNotA500() {
        String username = uniqueUsername();
        createAccount(username);
        given().contentType(ContentType.JSON).body(Map.of("username", username, "password", PASSWORD))
                .post("/v1/login").then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("tag:lockstep.dev,2026:problem:second-factor-unavailable"));
    }
}
