package dev.lockstep.auth;

import static dev.lockstep.auth.AuthFixtures.accountWithPhone;
import static dev.lockstep.auth.AuthFixtures.uniqueUsername;
import static dev.lockstep.auth.OidcFixtures.ISSUER;
import static dev.lockstep.auth.OidcFixtures.REDIRECT;
import static dev.lockstep.auth.OidcFixtures.VERIFIER;
import static dev.lockstep.auth.OidcFixtures.atHash;
import static dev.lockstep.auth.OidcFixtures.authorizeParams;
import static dev.lockstep.auth.OidcFixtures.authorizeUrl;
import static dev.lockstep.auth.OidcFixtures.exchange;
import static dev.lockstep.auth.OidcFixtures.publicClient;
import static dev.lockstep.auth.OidcFixtures.refresh;
import static dev.lockstep.auth.OidcFixtures.signIn;
import static dev.lockstep.auth.OidcFixtures.verify;
import static dev.lockstep.platform.testing.InMemoryEvents.outbox;
import static dev.lockstep.platform.testing.InMemoryEvents.published;
import static dev.lockstep.platform.testing.TestTokens.ADMIN;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockstep.auth.domain.OidcAuthorization;
import dev.lockstep.auth.service.OtpGateway;
import dev.lockstep.contracts.CloudEvent;
import dev.lockstep.contracts.Events;
import dev.lockstep.contracts.LoginChallengeCreated;
import dev.lockstep.contracts.OidcAuthorizationStarted;
import dev.lockstep.contracts.OidcCodeIssued;
import dev.lockstep.contracts.OidcTokenIssued;
import dev.lockstep.contracts.OidcTokenRefused;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.testing.ClockFixture;
import dev.lockstep.platform.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.hamcrest.Matchers;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/**
 * The OpenID Connect provider inside auth-service: discovery, the authorization endpoint's errors,
 * the hosted login driven like a browser, the token endpoint's grants and userinfo. otp-service is the
 * Mockito stand-in; end to end, the same runs with Nimbus as the relying party ({@code OidcIT}).
 */
@QuarkusTest
class OidcProviderTest {

    @InjectMock
    OtpGateway otp;

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    SandboxClock clock;

    /** The first event of a type on the outbox() that {@code which} accepts, once it was published. */
    private <T> CloudEvent awaitEvent(Class<T> type, Predicate<T> which) {
        return await().atMost(Duration.ofSeconds(5)).until(() -> published(outbox(), type).stream()
                .filter(e -> which.test(Events.body(e, type))).findFirst(),
                Optional::isPresent).get();
    }

    @Test
    void discoveryNamesTheIssuerOfEveryTokenAndTheCodeFlowWithS256() {
        given().get("/.well-known/openid-configuration").then().statusCode(200)
                .body("issuer", equalTo(ISSUER))
                .body("authorization_endpoint", equalTo(ISSUER + "/oauth2/authorize"))
                .body("token_endpoint", equalTo(ISSUER + "/oauth2/token"))
                .body("jwks_uri", equalTo(ISSUER + "/.well-known/jwks.json"))
                .body("response_types_supported", equalTo(List.of("code")))
                .body("code_challenge_methods_supported", equalTo(List.of("S256")))
                .body("token_endpoint_auth_methods_supported", hasItem("none"))
                .body("acr_values_supported", hasItem("urn:lockstep:acr:mfa"))
                .body("claims_parameter_supported", equalTo(true));
    }

    @Test
    void aPublicClientSignsInWithPasswordAndSmsCodeAndGetsValidatedTokens() throws Exception {
        String clientId = publicClient();
        String username = uniqueUsername();
        String accountId = OidcFixtures.accountAcceptingCode(otp, username);

        Browser browser = new Browser();
        Response back = signIn(browser, clientId, username, "123456", "n-0S6_WzA2Mj");
        assertEquals(303, back.statusCode());
        assertTrue(back.header("Location").startsWith(REDIRECT + "?"), back.header("Location"));
        assertEquals("xyz", Browser.param(back, "state"));
        assertEquals(ISSUER, Browser.param(back, "iss"));
        await().atMost(Duration.ofSeconds(5)).until(() -> !published(outbox(), OidcCodeIssued.class).isEmpty());
        // the sign-in's steps share one correlation id: authorization started, the login, the code
        String correlationId = awaitEvent(OidcAuthorizationStarted.class, e -> e.clientId().equals(clientId)).correlationid();
        assertEquals(correlationId, awaitEvent(OidcCodeIssued.class, e -> e.clientId().equals(clientId)).correlationid());
        assertEquals(correlationId, awaitEvent(LoginChallengeCreated.class,
                e -> e.accountId().equals(accountId)).correlationid());

        Response tokens = exchange(clientId, Browser.param(back, "code"), VERIFIER);
        tokens.then().statusCode(200).header("Cache-Control", "no-store").body("token_type", equalTo("Bearer"));
        JwtClaims id = verify(tokens.path("id_token"));
        assertEquals(accountId, id.getSubject());
        assertEquals(clientId, id.getAudience().get(0));
        assertEquals("n-0S6_WzA2Mj", id.getStringClaimValue("nonce"));
        assertEquals("urn:lockstep:acr:mfa", id.getStringClaimValue("acr"));
        assertEquals(List.of("pwd", "sms", "mfa"), id.getStringListClaimValue("amr"));
        assertEquals(atHash(tokens.path("access_token")), id.getStringClaimValue("at_hash"));
        assertNotNull(id.getClaimValue("auth_time"));
        assertNotNull(id.getStringClaimValue("sid"));

        given().auth().oauth2(tokens.path("access_token")).get("/oauth2/userinfo").then().statusCode(200)
                .body("sub", equalTo(accountId)).body("preferred_username", equalTo(username));
        given().contentType(ContentType.URLENC).formParam("access_token", (String) tokens.path("access_token"))
                .post("/oauth2/userinfo").then().statusCode(200).body("sub", equalTo(accountId));
        await().atMost(Duration.ofSeconds(5)).until(() -> !published(outbox(), OidcTokenIssued.class).isEmpty());

        // refresh: rotation, then the used token again revokes the session and its access tokens
        String first = tokens.path("refresh_token");
        Response refreshed = refresh(clientId, first);
        refreshed.then().statusCode(200);
        assertTrue(!first.equals(refreshed.path("refresh_token")));
        refresh(clientId, first).then().statusCode(400).body("error", equalTo("invalid_grant"));
        refresh(clientId, refreshed.path("refresh_token")).then().statusCode(400).body("error", equalTo("invalid_grant"));
        given().auth().oauth2(refreshed.path("access_token")).get("/oauth2/userinfo").then().statusCode(401)
                .header("WWW-Authenticate", containsString("invalid_token"));
    }

    @Test
    void aCodeWorksOnceAndItsSecondUseRevokesTheTokensItGave() {
        String clientId = publicClient();
        String username = uniqueUsername();
        OidcFixtures.accountAcceptingCode(otp, username);
        String code = Browser.param(signIn(new Browser(), clientId, username, "123456", null), "code");

        Response tokens = exchange(clientId, code, VERIFIER);
        tokens.then().statusCode(200).body("id_token", Matchers.notNullValue());
        given().auth().oauth2(tokens.path("access_token")).get("/oauth2/userinfo").then().statusCode(200);

        exchange(clientId, code, VERIFIER).then().statusCode(400).body("error", equalTo("invalid_grant"));
        given().auth().oauth2(tokens.path("access_token")).get("/oauth2/userinfo").then().statusCode(401);
        refresh(clientId, tokens.path("refresh_token")).then().statusCode(400).body("error", equalTo("invalid_grant"));
        await().atMost(Duration.ofSeconds(5)).until(() -> !published(outbox(), OidcTokenRefused.class).isEmpty());
    }

    @Test
    void aBrowserSessionAnswersAtOnceUnlessMaxAgeOrPromptLoginAsksForAFreshSignIn() throws Exception {
        String clientId = publicClient();
        String username = uniqueUsername();
        OidcFixtures.accountAcceptingCode(otp, username);
        Browser browser = new Browser();
        signIn(browser, clientId, username, "123456", null).then().statusCode(303);

        Response sso = browser.get(authorizeUrl(clientId, null) + "prompt=none");
        assertEquals(302, sso.statusCode());
        Response tokens = exchange(clientId, Browser.param(sso, "code"), VERIFIER);
        assertNotNull(verify(tokens.path("id_token")).getClaimValue("auth_time"));

        assertEquals("login_required",
                Browser.param(browser.get(authorizeUrl(clientId, null) + "prompt=none&max_age=0"), "error"));
        Response forced = browser.get(authorizeUrl(clientId, null) + "max_age=0");
        assertEquals(303, forced.statusCode());
        assertTrue(forced.header("Location").contains("/oauth2/login/"), forced.header("Location"));
        Response again = browser.get(authorizeUrl(clientId, null) + "prompt=login");
        assertTrue(again.header("Location").contains("/oauth2/login/"), again.header("Location"));
    }

    @Test
    void aConfidentialClientExchangesItsCodeWithBasicAuthAndRefreshesWithPostedCredentials() throws Exception {
        Map<String, Object> webApp = OidcFixtures.register(Map.of("redirectUris", List.of(REDIRECT)));
        String clientId = (String) webApp.get("clientId");
        String secret = (String) webApp.get("clientSecret");
        String username = uniqueUsername();
        OidcFixtures.accountAcceptingCode(otp, username);
        Browser browser = new Browser();
        Map<String, String> params = authorizeParams(clientId, null);
        params.remove("code_challenge");
        params.remove("code_challenge_method");
        StringBuilder url = new StringBuilder("/oauth2/authorize?");
        params.forEach((k, v) -> url.append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
        String path = Browser.loginPath(browser.follow(browser.get(url.toString())));
        browser.post(path + "/password", Map.of("username", username, "password", AuthFixtures.PASSWORD));
        Response back = browser.post(path + "/code", Map.of("code", "123456", "trustDevice", "on"));

        Response tokens = given().auth().preemptive().basic(clientId, secret).contentType(ContentType.URLENC)
                .formParam("grant_type", "authorization_code").formParam("code", Browser.param(back, "code"))
                .formParam("redirect_uri", REDIRECT).post("/oauth2/token");
        tokens.then().statusCode(200);
        assertEquals(clientId, verify(tokens.path("id_token")).getAudience().get(0));
        given().contentType(ContentType.URLENC).formParam("grant_type", "refresh_token")
                .formParam("refresh_token", (String) tokens.path("refresh_token"))
                .formParam("client_id", clientId).formParam("client_secret", secret).post("/oauth2/token")
                .then().statusCode(200).body("id_token", Matchers.notNullValue());
        // "trust this browser" trusted the hosted login's device
        given().header("Authorization", TestTokens.ADMIN).get("/v1/admin/accounts/" + username + "/devices")
                .then().statusCode(200).body("trusted", hasItem(true));
    }

    @Test
    void anAbandonedSignInIsRemovedOnceItsLifetimeHasPassedOnTheSandboxClock() {
        String clientId = publicClient();
        Browser browser = new Browser();
        String path = Browser.loginPath(browser.follow(browser.get(authorizeUrl(clientId, null))));
        String id = path.substring(path.lastIndexOf('/') + 1);
        assertNotNull(QuarkusTransaction.requiringNew().call(
                () -> OidcAuthorization.findById(id)));

        ClockFixture.advance(connector, clock, Duration.ofMinutes(32));
        await().atMost(Duration.ofSeconds(5)).until(() -> QuarkusTransaction.requiringNew().call(
                () -> OidcAuthorization.findById(id)) == null);
        browser.get(path).then().statusCode(400).body(containsString("id=\"error\""));
    }

    @Test
    void aWrongPkceVerifierGetsNoTokens() {
        String clientId = publicClient();
        String username = uniqueUsername();
        OidcFixtures.accountAcceptingCode(otp, username);
        String code = Browser.param(signIn(new Browser(), clientId, username, "123456", null), "code");
        exchange(clientId, code, VERIFIER.replace('a', 'b')).then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void anUnregisteredRedirectUriIsShownOnAPageAndNeverFollowed() {
        String clientId = publicClient();
        given().redirects().follow(false).queryParams(authorizeParams(clientId, null))
                .queryParam("redirect_uri", "http://evil.example/callback")
                .get("/oauth2/authorize").then().statusCode(400).header("Location", nullValue())
                .contentType(containsString("text/html"));
        given().redirects().follow(false).queryParam("client_id", "no-such-client").queryParam("redirect_uri", REDIRECT)
                .get("/oauth2/authorize").then().statusCode(400).header("Location", nullValue());
    }

    @Test
    void errorsAfterTheClientIsKnownGoBackToTheApplication() {
        String clientId = publicClient();
        Map<String, String> plain = authorizeParams(clientId, null);
        plain.put("code_challenge_method", "plain");
        Response refused = given().redirects().follow(false).queryParams(plain).get("/oauth2/authorize");
        assertEquals(302, refused.statusCode());
        assertEquals("invalid_request", Browser.param(refused, "error"));
        assertEquals("xyz", Browser.param(refused, "state"));

        Map<String, String> none = authorizeParams(clientId, null);
        none.put("prompt", "none");
        Response noSession = given().redirects().follow(false).queryParams(none).get("/oauth2/authorize");
        assertEquals("login_required", Browser.param(noSession, "error"));

        Map<String, String> noPkce = authorizeParams(clientId, null);
        noPkce.remove("code_challenge");
        noPkce.remove("code_challenge_method");
        assertEquals("invalid_request", Browser.param(given().redirects().follow(false).queryParams(noPkce)
                .get("/oauth2/authorize"), "error"));
    }

    @Test
    void aConfidentialClientAuthenticatesByBasicOrPostAndGetsClientCredentialsTokens() {
        Map<String, Object> registered = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("redirectUris", List.of(REDIRECT), "grantTypes", List.of("client_credentials")))
                .post("/v1/admin/clients").then().statusCode(201).extract().jsonPath().getMap("$");
        String clientId = (String) registered.get("clientId");
        String secret = (String) registered.get("clientSecret");
        given().header("Authorization", ADMIN).get("/v1/admin/clients/" + clientId).then().statusCode(200)
                .body("clientSecret", nullValue());

        given().auth().preemptive().basic(clientId, secret).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").post("/oauth2/token")
                .then().statusCode(200).body("access_token", Matchers.notNullValue())
                .body("refresh_token", nullValue());
        given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId).formParam("client_secret", secret).post("/oauth2/token")
                .then().statusCode(200);
        given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId).formParam("client_secret", secret + "x").post("/oauth2/token")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void aWrongPasswordOnTheHostedLoginLooksLikeTheApisAndCountsAsAFailure() {
        String clientId = publicClient();
        String username = uniqueUsername();
        accountWithPhone(otp, username);
        Browser browser = new Browser();
        Response page = browser.follow(browser.get(authorizeUrl(clientId, null)));
        String path = Browser.loginPath(page);
        browser.post(path + "/password", Map.of("username", username, "password", "wrong"))
                .then().statusCode(200).body(containsString("Incorrect username or password."))
                .body(containsString("Sign in to " + clientId));
        given().header("Authorization", ADMIN).get("/v1/admin/accounts/" + username).then()
                .body("recentAttempts[0].outcome", equalTo("wrong-password"));
        given().header("Accept-Language", "ja").cookies(browser.cookies).get(path).then()
                .body(containsString("ユーザー名"));
    }
}
