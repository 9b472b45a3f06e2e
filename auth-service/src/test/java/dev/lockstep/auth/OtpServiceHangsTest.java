package dev.lockstep.auth;

import static dev.lockstep.auth.AuthFixtures.PASSWORD;
import static dev.lockstep.auth.AuthFixtures.createAccount;
import static dev.lockstep.auth.AuthFixtures.uniqueUsername;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.lockstep.platform.testing.SilentServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * otp-service accepts the connection and never answers: the password step's call for the account's
 * factors runs into its (shortened) timeout and the user gets a 503 problem to retry, never a 500
 * or a hang.
 */
@QuarkusTest
@TestProfile(OtpServiceHangsTest.OtpHangs.class)
class OtpServiceHangsTest {

    public static class OtpHangs implements QuarkusTestProfile {

        static final SilentServer OTP = SilentServer.start();

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.rest-client.otp.url", OTP.url(),
                    "quarkus.fault-tolerance.global.timeout.value", "300");
        }
    }

    @Test
    void aLoginWhoseSecondFactorServiceGivesNoAnswerIsA503ProblemToRetry() {
        String username = uniqueUsername();
        createAccount(username);
        given().contentType(ContentType.JSON).body(Map.of("username", username, "password", PASSWORD))
                .post("/v1/login").then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "1")
                .body("type", equalTo("tag:lockstep.dev,2026:problem:second-factor-unavailable"));
    }
}
