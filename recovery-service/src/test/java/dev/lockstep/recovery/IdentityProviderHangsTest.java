package dev.lockstep.recovery;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.lockstep.platform.testing.SilentServer;
import dev.lockstep.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * auth-service and otp-service accept the connection and never answer: starting a recovery runs
 * into the (shortened) timeout and the owner gets a 503 problem to retry; no case is opened.
 */
@QuarkusTest
@TestProfile(IdentityProviderHangsTest.IdpHangs.class)
class IdentityProviderHangsTest {

    public static class IdpHangs implements QuarkusTestProfile {

        static final SilentServer IDP = SilentServer.start();

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.rest-client.auth.url", IDP.url(), "quarkus.rest-client.otp.url", IDP.url(),
                    "quarkus.fault-tolerance.global.timeout.value", "300");
        }
    }

    @Test
    void startingARecoveryWhileTheIdentityProviderGivesNoAnswerIsA503ProblemAndOpensNoCase() {
        given().contentType(ContentType.JSON).body(Map.of("username", "hanako", "trustedPhone", "+819012345678",
                "recoveryPhone", "+818012345678"))
                .post("/v1/recovery/cases").then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "1")
                .body("type", equalTo("tag:lockstep.dev,2026:problem:identity-provider-unavailable"));
        given().header("Authorization", TestTokens.ADMIN)
                .get("/v1/admin/recovery/cases?username=hanako").then().statusCode(200).body("size()", equalTo(0));
    }
}
