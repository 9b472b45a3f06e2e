package dev.lockstep.auth;

import static dev.lockstep.auth.OidcFixtures.REDIRECT;
import static dev.lockstep.auth.OidcFixtures.authorizeUrl;
import static dev.lockstep.auth.OidcFixtures.publicClient;
import static dev.lockstep.platform.testing.InMemoryEvents.outbox;
import static dev.lockstep.platform.testing.InMemoryEvents.published;
import static dev.lockstep.platform.testing.TestTokens.ADMIN;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lockstep.contracts.Events;
import dev.lockstep.contracts.IdpFaultFired;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Identity-provider fault rules: Lockstep's own OpenID Connect endpoints answer as a broken provider
 * would, for the requests the rule's trigger picks, and then as normal again; every firing is counted
 * and is an event. Rules that make no sense are refused and change nothing.
 */
@QuarkusTest
class IdpFaultsTest {

    private static String addRule(Map<String, Object> rule) {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(rule)
                .post("/v1/admin/idp-faults").then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> rule(String id) {
        return given().header("Authorization", ADMIN).get("/v1/admin/idp-faults").then().statusCode(200).extract()
                .jsonPath().getMap("find { it.id == '" + id + "' }");
    }

    private static Response clientCredentials(Map<String, Object> client) {
        return given().auth().preemptive().basic((String) client.get("clientId"), (String) client.get("clientSecret"))
                .contentType(ContentType.URLENC).formParam("grant_type", "client_credentials").post("/oauth2/token");
    }

    @Test
    void theTokenEndpointAnswers503ForTheNextRequestOfOneApplicationThenWorksAgain() {
        Map<String, Object> app = OidcFixtures.register(Map.of("grantTypes", List.of("client_credentials")));
        Map<String, Object> other = OidcFixtures.register(Map.of("grantTypes", List.of("client_credentials")));
        String id = addRule(Map.of("name", "token endpoint down once", "match", Map.of("endpoint", "token",
                "clientId", app.get("clientId")), "effect", Map.of("type", "fail", "status", 503), "trigger",
                Map.of("next", 1)));

        clientCredentials(other).then().statusCode(200);
        clientCredentials(app).then().statusCode(503).contentType(containsString("application/json"))
                .body("error", equalTo("temporarily_unavailable"));
        clientCredentials(app).then().statusCode(200).body("access_token", notNullValue());

        Map<String, Object> seen = rule(id);
        assertEquals(1, seen.get("hits"));
        assertEquals(1, seen.get("matched"));
        await().atMost(Duration.ofSeconds(5)).until(() -> published(outbox(), IdpFaultFired.class).stream()
                .map(e -> Events.body(e, IdpFaultFired.class)).anyMatch(f -> f.ruleId().equals(id)
                        && f.endpoint().equals("token") && f.status() == 503 && app.get("clientId").equals(f.clientId())));
        given().header("Authorization", ADMIN).get("/v1/admin/audit").then().statusCode(200)
                .body("findAll { it.reason.contains('" + id + "') }.action", equalTo(List.of("idp-fault.added")));
    }

    @Test
    void theAuthorizationEndpointSendsTheBrowserBackWithAccessDeniedThenOpensTheLogin() {
        String clientId = publicClient();
        addRule(Map.of("match", Map.of("endpoint", "authorize", "clientId", clientId),
                "effect", Map.of("type", "error", "error", "access_denied"), "trigger", Map.of("next", 1)));

        Response refused = given().redirects().follow(false).queryParams(OidcFixtures.authorizeParams(clientId, null))
                .get("/oauth2/authorize");
        assertEquals(302, refused.statusCode(), refused.asString());
        assertEquals("access_denied", Browser.param(refused, "error"));
        assertEquals("xyz", Browser.param(refused, "state"));
        assertEquals(true, refused.header("Location").startsWith(REDIRECT + "?"));

        Browser browser = new Browser();
        browser.follow(browser.get(authorizeUrl(clientId, null))).then().statusCode(200)
                .contentType(containsString("text/html"));
    }

    @Test
    void theJwksBrieflyMissesTheKeyThatSignsNow() {
        int published = given().get("/.well-known/jwks.json").then().statusCode(200).extract().jsonPath().getList("keys")
                .size();
        String id = addRule(Map.of("match", Map.of("endpoint", "jwks"), "effect", Map.of("type", "hide-current-key"),
                "trigger", Map.of("next", 1)));
        given().get("/.well-known/jwks.json").then().statusCode(200).body("keys", hasSize(published - 1));
        given().get("/.well-known/jwks.json").then().statusCode(200).body("keys", hasSize(published));
        assertEquals(1, rule(id).get("hits"));
    }

    @Test
    void aDelayedDiscoveryStillAnswersAndTheEventSaysHowLongItWaited() {
        String id = addRule(
                Map.of("match", Map.of("endpoint", "discovery"), "effect", Map.of("type", "delay", "delay", "PT0.2S"),
                        "trigger", Map.of("next", 1)));
        given().get("/.well-known/openid-configuration").then().statusCode(200).body("issuer", equalTo(OidcFixtures.ISSUER));
        await().atMost(Duration.ofSeconds(5)).until(() -> published(outbox(), IdpFaultFired.class).stream()
                .map(e -> Events.body(e, IdpFaultFired.class))
                .anyMatch(f -> f.ruleId().equals(id) && "delay".equals(f.effect()) && Long.valueOf(200).equals(f.delayMs())));
    }

    @Test
    void aSwitchedOffRuleActsOnNothingAndARemovedOneIsGone() {
        Map<String, Object> app = OidcFixtures.register(Map.of("grantTypes", List.of("client_credentials")));
        String id = addRule(Map.of("match", Map.of("endpoint", "token", "clientId", app.get("clientId")),
                "effect", Map.of("type", "error", "error", "invalid_client")));
        clientCredentials(app).then().statusCode(401).body("error", equalTo("invalid_client"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("enabled", false))
                .put("/v1/admin/idp-faults/" + id + "/enabled").then().statusCode(200).body("enabled", equalTo(false));
        clientCredentials(app).then().statusCode(200);
        given().header("Authorization", ADMIN).delete("/v1/admin/idp-faults/" + id).then().statusCode(204);
        given().header("Authorization", ADMIN).delete("/v1/admin/idp-faults/" + id).then().statusCode(404)
                .body("type", containsString("fault-not-found"));
    }

    @Test
    void rulesThatMakeNoSenseAreRefusedAndChangeNothing() {
        int before = given().header("Authorization", ADMIN).get("/v1/admin/idp-faults").then().extract().jsonPath()
                .getList("$").size();
        List<Map<String, Object>> bad = List.of(
                Map.of("match", Map.of("endpoint", "authorize"), "effect", Map.of("type", "fail")),
                Map.of("match", Map.of("endpoint", "token"), "effect", Map.of("type", "drop")),
                Map.of("match", Map.of("endpoint", "token"), "effect", Map.of("type", "hide-current-key")),
                Map.of("match", Map.of("endpoint", "authorize"), "effect", Map.of("type", "error")),
                Map.of("match", Map.of("endpoint", "authorize"), "effect", Map.of("type", "error", "error", "invalid_grant")),
                Map.of("match", Map.of("endpoint", "token"), "effect", Map.of("type", "delay", "delay", "PT2M")),
                Map.of("match", Map.of("endpoint", "token"), "effect", Map.of("type", "delay", "delay", "soon")),
                Map.of("match", Map.of("endpoint", "token"), "effect", Map.of("type", "fail", "delay", "PT1S")),
                Map.of("match", Map.of("endpoint", "token"), "effect", Map.of("type", "fail"),
                        "trigger", Map.of("next", 1, "everyNth", 2)),
                Map.of("match", Map.of("endpoint", "token"), "effect", Map.of("type", "fail"),
                        "window", Map.of("from", "2030-01-02T00:00:00Z", "until", "2030-01-01T00:00:00Z")),
                Map.of("match", Map.of("endpoint", "elsewhere"), "effect", Map.of("type", "fail")),
                Map.of("effect", Map.of("type", "fail")));
        for (Map<String, Object> rule : bad) {
            given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(rule).post("/v1/admin/idp-faults")
                    .then().statusCode(400).contentType(containsString("application/problem+json"));
        }
        given().contentType(ContentType.JSON)
                .body(Map.of("match", Map.of("endpoint", "token"), "effect", Map.of("type", "fail")))
                .post("/v1/admin/idp-faults").then().statusCode(401);
        given().header("Authorization", ADMIN).get("/v1/admin/idp-faults").then().body("$", hasSize(before));
    }
}
