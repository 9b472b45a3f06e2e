package dev.lockstep.auth;

import static dev.lockstep.platform.testing.TestTokens.ADMIN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.lockstep.platform.problem.Problem;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Registering an application is idempotent, so an example's script can run twice and after a reset:
 * the same id with the same settings answers the client as it is, a new secret only when asked to
 * rotate it, and other settings are a conflict that changes nothing.
 */
@QuarkusTest
class ClientRegistrationTest {

    private static final String REDIRECT = "https://shop.example/callback";

    private static Map<String, Object> shop(String id) {
        return Map.of("clientId", id, "redirectUris", List.of(REDIRECT), "grantTypes",
                List.of("authorization_code", "client_credentials"));
    }

    private static Response register(Map<String, Object> body, String query) {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body)
                .post("/v1/admin/clients" + query);
    }

    private static int clientCredentials(String id, String secret) {
        return given().auth().preemptive().basic(id, secret).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").post("/oauth2/token").statusCode();
    }

    @Test
    void theSameRegistrationAgainAnswersTheClientAsItIsAndItsSecretKeepsWorking() {
        String id = "shop-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = register(shop(id), "").then().statusCode(201).body("clientSecret", notNullValue())
                .extract().path("clientSecret");

        register(shop(id), "").then().statusCode(200).body("clientId", equalTo(id))
                .body("redirectUris", equalTo(List.of(REDIRECT))).body("clientSecret", nullValue());
        register(shop(id), "?rotateSecret=false").then().statusCode(200).body("clientSecret", nullValue());

        assertEquals(200, clientCredentials(id, secret), "the secret is unchanged");
    }

    @Test
    void rotateSecretGivesANewSecretAndTheOldOneStopsWorking() {
        String id = "shop-" + UUID.randomUUID().toString().substring(0, 8);
        String first = register(shop(id), "").then().statusCode(201).extract().path("clientSecret");

        String second = register(shop(id), "?rotateSecret=true").then().statusCode(200)
                .body("clientSecret", notNullValue()).extract().path("clientSecret");

        assertNotEquals(first, second);
        assertEquals(401, clientCredentials(id, first), "the old secret is refused");
        assertEquals(200, clientCredentials(id, second), "the new secret works");
        given().header("Authorization", ADMIN).get("/v1/admin/audit").then().statusCode(200)
                .body("action", hasItem("client.rotate-secret"));
    }

    @Test
    void otherSettingsForAnExistingIdAreAConflictThatChangesNothing() {
        String id = "shop-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = register(shop(id), "").then().statusCode(201).extract().path("clientSecret");

        register(Map.of("clientId", id, "redirectUris", List.of("https://elsewhere.example/cb"), "grantTypes",
                List.of("authorization_code", "client_credentials")), "?rotateSecret=true").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo(Problem.type("client-exists")))
                .body("differs", equalTo(List.of("redirectUris")));
        register(shop(id), "?rotateSecret=maybe").then().statusCode(400).contentType("application/problem+json");

        given().header("Authorization", ADMIN).get("/v1/admin/clients/" + id).then().statusCode(200)
                .body("redirectUris", equalTo(List.of(REDIRECT)));
        assertEquals(200, clientCredentials(id, secret), "the secret is unchanged");
    }
}
