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
 * auth-service dies while it answers (a 200's headers, then the connection closed mid-body): the
 * owner starting a recovery gets a 503 problem to retry, never a 500, and no case is opened.
 */
@QuarkusTest
@TestProfile(IdentityProviderCutTest.IdpCut.class)
class IdentityProviderCutTest {

    public static class IdpCut implements QuarkusTestProfile {

        static final SilentServer IDP = SilentServer.cutMidAnswer();

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.rest-client.auth.url", IDP.url(), "quarkus.rest-client.otp.url", IDP.url());
        }
    }

    @Test
    void anIdentityProviderCutOffMidAnswerIsA503ProblemAndOpensNoCase() {
        given().contentType(ContentType.JSON).body(Map.of("username", "kenji", "trustedPhone", "+819012345679",
                        "recoveryPhone", "+818012345679"))
                .post("/v1/recovery/cases").then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("tag:lockstep.dev,2026:problem:identity-provider-unavailable"));
        given().header("Authorization", TestTokens.ADMIN)
                .get("/v1/admin/recovery/cases?username=kenji").then().statusCode(200).body("size()", equalTo(0));
    }
}
