package dev.lockstep.auth;

import static dev.lockstep.auth.AuthFixtures.uniqueUsername;
import static dev.lockstep.auth.OidcFixtures.REDIRECT;
import static dev.lockstep.auth.OidcFixtures.VERIFIER;
import static dev.lockstep.auth.OidcFixtures.exchange;
import static dev.lockstep.auth.OidcFixtures.register;
import static dev.lockstep.auth.OidcFixtures.signIn;
import static dev.lockstep.auth.OidcFixtures.verify;
import static dev.lockstep.platform.testing.InMemoryEvents.outbox;
import static dev.lockstep.platform.testing.InMemoryEvents.published;
import static dev.lockstep.platform.testing.TestTokens.ADMIN;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.lockstep.auth.service.OtpGateway;
import dev.lockstep.contracts.CloudEvent;
import dev.lockstep.contracts.Events;
import dev.lockstep.contracts.OidcBackchannelLogout;
import dev.lockstep.contracts.OidcLoggedOut;
import dev.lockstep.contracts.SessionChanged;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hamcrest.Matchers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How OpenID Connect sign-ins end: RP-initiated and back-channel logout, revocation, introspection, key rotation. */
@QuarkusTest
class OidcLogoutTest {

    @InjectMock
    OtpGateway otp;

    @Inject
    @Any
    InMemoryConnector connector;

    private HttpServer application;
    private final List<String> logoutTokens = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        application = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        application.createContext("/backchannel", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            logoutTokens.add(URLDecoder.decode(body.substring("logout_token=".length()), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        application.start();
    }

    @AfterEach
    void tearDown() {
        application.stop(0);
    }

    /** A signed-in user's token response from a fresh public client with these extra registration fields. */
    private Response tokens(String username, Map<String, Object> registration) {
        return signedIn(username, registration).tokens();
    }

    private record SignedIn(String clientId, Response tokens) {
    }

    private SignedIn signedIn(String username, Map<String, Object> registration) {
        Map<String, Object> body = new HashMap<>(Map.of("public", true, "redirectUris", List.of(REDIRECT)));
        body.putAll(registration);
        String clientId = (String) register(body).get("clientId");
        OidcFixtures.accountAcceptingCode(otp, username);
        Response back = signIn(new Browser(), clientId, username, "123456", null);
        Response tokens = exchange(clientId, Browser.param(back, "code"), VERIFIER);
        tokens.then().statusCode(200);
        return new SignedIn(clientId, tokens);
    }

    /** An operator revokes the session; its end travels over the broker, here the in-memory channel carries it back. */
    private void revokeAndCarryTheEventBack(String username, String sid) {
        given().header("Authorization", ADMIN).delete("/v1/admin/accounts/" + username + "/sessions/" + sid + "?reason=test")
                .then().statusCode(204);
        await().atMost(Duration.ofSeconds(5)).until(() -> !published(outbox(), SessionChanged.class).stream()
                .filter(e -> "revoked".equals(Events.body(e, SessionChanged.class).change())).toList().isEmpty());
        for (Message<String> message : outbox().received()) {
            connector.source("session-events").send(message.getPayload());
        }
    }

    @Test
    void anOperatorRevokingTheSessionSendsASignedLogoutTokenToTheApplication() throws Exception {
        String username = uniqueUsername();
        Response tokens = tokens(username, Map.of("backchannelLogoutUri",
                "http://127.0.0.1:" + application.getAddress().getPort() + "/backchannel"));
        String sid = verify(tokens.path("id_token")).getStringClaimValue("sid");

        revokeAndCarryTheEventBack(username, sid);

        await().atMost(Duration.ofSeconds(10)).until(() -> logoutTokens.size() == 1);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(logoutTokens.get(0));
        assertEquals("logout+jwt", jws.getHeader("typ"));
        JwtClaims claims = verify(logoutTokens.get(0));
        assertEquals(sid, claims.getStringClaimValue("sid"));
        assertTrue(claims.getClaimsMap().containsKey("events"));
        assertTrue(!claims.hasClaim("nonce"));
        await().atMost(Duration.ofSeconds(5)).until(() -> !published(outbox(), OidcBackchannelLogout.class).isEmpty());
        CloudEvent delivered = published(outbox(), OidcBackchannelLogout.class).get(0);
        assertEquals("delivered", Events.body(delivered, OidcBackchannelLogout.class).outcome());
    }

    @Test
    void aDropFaultRuleKeepsTheLogoutTokenFromBeingSentAndTheEventSaysSo() throws Exception {
        String username = uniqueUsername();
        SignedIn signedIn = signedIn(username, Map.of("backchannelLogoutUri",
                "http://127.0.0.1:" + application.getAddress().getPort() + "/backchannel"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("match", Map.of("endpoint", "backchannel-logout", "clientId", signedIn.clientId()),
                        "effect", Map.of("type", "drop"), "trigger", Map.of("next", 1)))
                .post("/v1/admin/idp-faults").then().statusCode(201);
        String sid = verify(signedIn.tokens().path("id_token")).getStringClaimValue("sid");

        revokeAndCarryTheEventBack(username, sid);

        await().atMost(Duration.ofSeconds(10)).until(() -> !published(outbox(), OidcBackchannelLogout.class).isEmpty());
        OidcBackchannelLogout outcome = Events.body(published(outbox(), OidcBackchannelLogout.class).get(0),
                OidcBackchannelLogout.class);
        assertEquals("dropped", outcome.outcome());
        assertEquals(signedIn.clientId(), outcome.clientId());
        assertTrue(logoutTokens.isEmpty(), "no logout token reached the application");
    }

    @Test
    void rpInitiatedLogoutEndsTheSessionAndReturnsOnlyToARegisteredUri() {
        String username = uniqueUsername();
        Response tokens = tokens(username, Map.of("postLogoutRedirectUris", List.of("http://127.0.0.1:9999/bye")));
        String idToken = tokens.path("id_token");

        given().redirects().follow(false).queryParam("id_token_hint", idToken)
                .queryParam("post_logout_redirect_uri", "http://evil.example/bye").get("/oauth2/logout")
                .then().statusCode(400).header("Location", nullValue());
        given().redirects().follow(false).queryParam("id_token_hint", idToken)
                .queryParam("post_logout_redirect_uri", "http://127.0.0.1:9999/bye").queryParam("state", "s1")
                .get("/oauth2/logout").then().statusCode(302).header("Location", equalTo("http://127.0.0.1:9999/bye?state=s1"));
        given().header("Authorization", ADMIN).get("/v1/admin/accounts/" + username + "/sessions").then().body("$", hasSize(0));
        given().auth().oauth2(tokens.path("access_token")).get("/oauth2/userinfo").then().statusCode(401);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> published(outbox(), OidcLoggedOut.class).stream()
                        .anyMatch(e -> "end-session".equals(Events.body(e, OidcLoggedOut.class).how())));
    }

    @Test
    void tokensSignedBeforeAKeyRotationStillValidateAfterIt() throws Exception {
        Response before = tokens(uniqueUsername(), Map.of());
        String oldKid = header(before.path("id_token"), "kid");

        String newKid = given().header("Authorization", ADMIN).post("/v1/admin/signing-keys/rotate")
                .then().statusCode(200).extract().path("kid");
        assertNotEquals(oldKid, newKid);
        given().get("/.well-known/jwks.json").then().body("keys.kid", Matchers.hasItems(oldKid, newKid));
        verify(before.path("id_token"));
        given().auth().oauth2(before.path("access_token")).get("/oauth2/userinfo").then().statusCode(200);

        Response after = tokens(uniqueUsername(), Map.of());
        assertEquals(newKid, header(after.path("id_token"), "kid"));
        given().header("Authorization", ADMIN).get("/v1/admin/audit").then()
                .body("action", Matchers.hasItem("signing-key.rotate"));
    }

    @Test
    void introspectionIsForConfidentialClientsAndRevocationEndsTheGrant() {
        SignedIn app = signedIn(uniqueUsername(), Map.of());
        String access = app.tokens().path("access_token");
        String refresh = app.tokens().path("refresh_token");
        Map<String, Object> resourceServer = register(Map.of("grantTypes", List.of("client_credentials")));
        String id = (String) resourceServer.get("clientId");
        String secret = (String) resourceServer.get("clientSecret");

        given().contentType(ContentType.URLENC).formParam("token", access).formParam("client_id", app.clientId())
                .post("/oauth2/introspect").then().statusCode(401).body("error", equalTo("invalid_client"));
        introspect(id, secret, access).then().statusCode(200).body("active", equalTo(true))
                .body("token_type", equalTo("Bearer")).body("client_id", equalTo(app.clientId()));
        introspect(id, secret, refresh).then().body("active", equalTo(true)).body("token_type", equalTo("refresh_token"));

        // another client's revocation of the token is answered 200 and changes nothing (RFC 7009 2.1)
        given().auth().preemptive().basic(id, secret).contentType(ContentType.URLENC).formParam("token", refresh)
                .post("/oauth2/revoke").then().statusCode(200);
        introspect(id, secret, access).then().body("active", equalTo(true));

        given().contentType(ContentType.URLENC).formParam("token", refresh).formParam("client_id", app.clientId())
                .post("/oauth2/revoke").then().statusCode(200);
        introspect(id, secret, access).then().body("active", equalTo(false));
        introspect(id, secret, refresh).then().body("active", equalTo(false));
        OidcFixtures.refresh(app.clientId(), refresh).then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    private static Response introspect(String clientId, String secret, String token) {
        return given().auth().preemptive().basic(clientId, secret).contentType(ContentType.URLENC)
                .formParam("token", token).post("/oauth2/introspect");
    }

    private static String header(String jwt, String name) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(jwt);
        return jws.getHeader(name);
    }
}
