package dev.lockstep.auth;

import static dev.lockstep.auth.AuthFixtures.createAccount;
import static dev.lockstep.auth.AuthFixtures.uniqueUsername;
import static dev.lockstep.platform.testing.TestTokens.ADMIN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With no trusted proxy configured, {@code X-Forwarded-For} is a header like any other: a caller
 * cannot choose the address that the risk engine, the lockout and the account's history record by
 * writing it (with the default, the machine itself is trusted: {@code RiskTest} signs in "from
 * Madrid" that way).
 */
@QuarkusTest
@TestProfile(NoTrustedProxyTest.NoProxy.class)
class NoTrustedProxyTest {

    public static class NoProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("lockstep.auth.trusted-proxies", "none");
        }
    }

    @Test
    void aForwardedForHeaderFromAnUntrustedPeerIsIgnored() {
        String username = uniqueUsername();
        createAccount(username);
        given().contentType(ContentType.JSON).header("X-Forwarded-For", "198.51.100.7, 10.0.0.1")
                .body(Map.of("username", username, "password", "not the password")).post("/v1/login")
                .then().statusCode(401);
        given().header("Authorization", ADMIN).get("/v1/admin/accounts/" + username).then().statusCode(200)
                .body("recentAttempts[0].outcome", equalTo("wrong-password"))
                .body("recentAttempts[0].ip", equalTo("127.0.0.1"))
                .body("recentAttempts[0].country", not(equalTo("ES")));
    }
}
