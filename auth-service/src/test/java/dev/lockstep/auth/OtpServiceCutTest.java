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
 * otp-service dies while it answers (headers sent, the body cut off by a reset): the password
 * step's call for the account's factors gets no whole answer, and the user gets a 503 problem to
 * retry, never a 500. The REST client reports a cut body differently from a refused connection.
 */
@QuarkusTest
@TestProfile(OtpServiceCutTest.OtpCut.class)
class OtpServiceCutTest {

    public static class OtpCut implements QuarkusTestProfile {

        static final SilentServer OTP = SilentServer.cutMidAnswer();

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.rest-client.otp.url", OTP.url());
        }
    }

    @Test
    void aLoginWhoseSecondFactorServiceDiesMidAnswerIsA503ProblemToRetry() {
        String username = uniqueUsername();
        createAccount(username);
        given().contentType(ContentType.JSON).body(Map.of("username", username, "password", PASSWORD))
                .post("/v1/login").then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "1")
                .body("type", equalTo("tag:lockstep.dev,2026:problem:second-factor-unavailable"));
    }
}
