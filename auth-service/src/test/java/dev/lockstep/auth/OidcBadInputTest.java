package dev.lockstep.auth;

import static dev.lockstep.auth.OidcFixtures.REDIRECT;
import static dev.lockstep.auth.OidcFixtures.VERIFIER;
import static dev.lockstep.auth.OidcFixtures.authorizeParams;
import static dev.lockstep.auth.OidcFixtures.publicClient;
import static dev.lockstep.platform.testing.TestTokens.ADMIN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lockstep.platform.problem.Problem;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * Bad input on every OpenID Connect endpoint: missing, repeated and huge parameters, wrong content
 * types, forged sign-ins and PKCE verifiers get the OAuth error (or a page, or a problem), never a 500.
 */
@QuarkusTest
class OidcBadInputTest {

    private static final String HUGE = "x".repeat(3000);

    private static Response authorize(Map<String, String> params) {
        return given().redirects().follow(false).queryParams(params).get("/oauth2/authorize");
    }

    private static String error(Response redirect) {
        assertEquals(302, redirect.statusCode(), redirect.asString());
        return Browser.param(redirect, "error");
    }

    @Test
    void theAuthorizationEndpointAnswersEveryMalformedRequestWithoutA500() {
        String clientId = publicClient();
        given().redirects().follow(false).get("/oauth2/authorize").then().statusCode(400)
                .contentType(containsString("text/html")).header("Location", nullValue());
        given().redirects().follow(false).queryParam("client_id", clientId, clientId).queryParam("redirect_uri", REDIRECT)
                .get("/oauth2/authorize").then().statusCode(400).header("Location", nullValue());

        Map<String, String> noType = authorizeParams(clientId, null);
        noType.remove("response_type");
        assertEquals("invalid_request", error(authorize(noType)));
        Map<String, String> token = authorizeParams(clientId, null);
        token.put("response_type", "token");
        assertEquals("unsupported_response_type", error(authorize(token)));
        Map<String, String> hugeState = authorizeParams(clientId, null);
        hugeState.put("state", "s".repeat(600));
        assertEquals("invalid_request", error(authorize(hugeState)));
        Map<String, String> noOpenid = authorizeParams(clientId, null);
        noOpenid.put("scope", "profile");
        error(authorize(noOpenid));
        Map<String, String> badMaxAge = authorizeParams(clientId, null);
        badMaxAge.put("max_age", "soon");
        assertEquals("invalid_request", error(authorize(badMaxAge)));
        Map<String, String> badClaims = authorizeParams(clientId, null);
        badClaims.put("claims", "{not json");
        assertEquals("invalid_request", error(authorize(badClaims)));

        Response repeated = given().redirects().follow(false).queryParams(authorizeParams(clientId, null))
                .queryParam("nonce", "a", "b").get("/oauth2/authorize");
        assertEquals("invalid_request", error(repeated));
        given().redirects().follow(false).queryParams(authorizeParams(clientId, null)).queryParam("login_hint", HUGE)
                .get("/oauth2/authorize").then().statusCode(lessThan(500));
        given().redirects().follow(false).contentType(ContentType.JSON).body("{}").post("/oauth2/authorize")
                .then().statusCode(415);
    }

    @Test
    void theHostedLoginRefusesForgedAndForeignSignIns() {
        String clientId = publicClient();
        Browser browser = new Browser();
        String path = Browser.loginPath(browser.follow(browser.get(OidcFixtures.authorizeUrl(clientId, null))));

        // another browser (no cookie) and a forged sign-in id get an error page, never the login
        given().redirects().follow(false).get(path).then().statusCode(400).body(containsString("not opened in this browser"));
        given().redirects().follow(false).cookies(browser.cookies).get("/oauth2/login/" + "A".repeat(43))
                .then().statusCode(400).body(containsString("id=\"error\""));
        given().redirects().follow(false).cookies(browser.cookies).contentType(ContentType.URLENC)
                .formParam("username", "u".repeat(300)).formParam("password", "p").post(path + "/password")
                .then().statusCode(200).body(containsString("Incorrect username or password."));
        given().redirects().follow(false).cookies(browser.cookies).contentType(ContentType.URLENC)
                .formParam("username", HUGE.repeat(30)).formParam("password", "p").post(path + "/password")
                .then().statusCode(413).contentType("application/problem+json");
        given().redirects().follow(false).cookies(browser.cookies).contentType(ContentType.URLENC)
                .formParam("code", "123456").post(path + "/code").then().statusCode(200)
                .body(containsString("id=\"username\""));
        given().redirects().follow(false).cookies(browser.cookies).contentType(ContentType.JSON).body("{}")
                .post(path + "/password").then().statusCode(415);
    }

    @Test
    void aFormWithABrokenPercentEncodingIsA400ProblemAndTheSignInGoesOn() {
        String clientId = publicClient();
        Browser browser = new Browser();
        String path = Browser.loginPath(browser.follow(browser.get(OidcFixtures.authorizeUrl(clientId, null))));

        for (String target : List.of(path + "/password", path + "/code", path + "/send", path + "/choose",
                "/oauth2/authorize", "/oauth2/logout")) {
            for (String broken : List.of("username=%zz&password=p", "factorId=%", "code=12%3")) {
                given().redirects().follow(false).cookies(browser.cookies).contentType(ContentType.URLENC).body(broken)
                        .post(target).then().statusCode(400).contentType("application/problem+json")
                        .body("type", equalTo(Problem.type("malformed-form")));
            }
        }
        // a step with no form at all is a wrong answer, not a failure
        given().redirects().follow(false).cookies(browser.cookies).contentType(ContentType.URLENC).post(path + "/password")
                .then().statusCode(200).body(containsString("Incorrect username or password."));
        // nothing was changed: the same sign-in still takes a well-formed form
        given().redirects().follow(false).cookies(browser.cookies).contentType(ContentType.URLENC)
                .body("username=no+such+user&password=a%26b%3Bc").post(path + "/password").then().statusCode(200)
                .body(containsString("Incorrect username or password."));
    }

    @Test
    void theTokenEndpointAnswersInTheOAuthErrorFormat() {
        String clientId = publicClient();
        token(Map.of()).then().statusCode(400).body("error", equalTo("invalid_request"));
        token(Map.of("grant_type", "password", "client_id", clientId, "username", "a", "password", "b"))
                .then().statusCode(400).body("error", equalTo("unsupported_grant_type"));
        token(Map.of("grant_type", "authorization_code", "client_id", clientId, "redirect_uri", REDIRECT))
                .then().statusCode(400).body("error", equalTo("invalid_request"));
        token(Map.of("grant_type", "authorization_code", "client_id", clientId, "redirect_uri", REDIRECT,
                "code", HUGE, "code_verifier", VERIFIER)).then().statusCode(400).body("error", equalTo("invalid_grant"));
        token(Map.of("grant_type", "authorization_code", "client_id", clientId, "redirect_uri", REDIRECT,
                "code", "ac_unknown", "code_verifier", "short")).then().statusCode(400)
                .body("error", equalTo("invalid_request"));
        token(Map.of("grant_type", "authorization_code", "client_id", "nobody", "redirect_uri", REDIRECT,
                "code", "ac_unknown", "code_verifier", VERIFIER)).then().statusCode(401)
                .body("error", equalTo("invalid_client"))
                .header("WWW-Authenticate", containsString("Basic"));
        token(Map.of("grant_type", "client_credentials", "client_id", clientId))
                .then().statusCode(401).body("error", equalTo("invalid_client"));
        Map<String, Object> webApp = OidcFixtures.register(Map.of("redirectUris", List.of(REDIRECT)));
        given().auth().preemptive().basic((String) webApp.get("clientId"), (String) webApp.get("clientSecret"))
                .contentType(ContentType.URLENC).formParam("grant_type", "client_credentials").post("/oauth2/token")
                .then().statusCode(400).body("error", equalTo("unauthorized_client"));
        given().contentType(ContentType.URLENC)
                .body("grant_type=refresh_token&grant_type=refresh_token&refresh_token=x&client_id="
                        + clientId)
                .post("/oauth2/token").then().statusCode(400).body("error", equalTo("invalid_request"));
        given().contentType(ContentType.JSON).body(Map.of("grant_type", "client_credentials")).post("/oauth2/token")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
        given().contentType(ContentType.URLENC).header("Authorization", "Basic !!!").body("grant_type=client_credentials")
                .post("/oauth2/token").then().statusCode(lessThan(500)).body("error", Matchers.notNullValue());
    }

    @Test
    void userinfoIntrospectionRevocationAndLogoutRefuseBadInputCleanly() {
        given().get("/oauth2/userinfo").then().statusCode(401).header("WWW-Authenticate", containsString("Bearer"));
        given().auth().oauth2("not.a.jwt").get("/oauth2/userinfo").then().statusCode(401).body("error",
                equalTo("invalid_token"));
        given().auth().oauth2(HUGE).get("/oauth2/userinfo").then().statusCode(401);
        given().contentType(ContentType.TEXT).body("hello").post("/oauth2/userinfo").then().statusCode(401);

        given().contentType(ContentType.URLENC).formParam("token", "x").post("/oauth2/introspect").then().statusCode(401)
                .body("error", equalTo("invalid_client"));
        given().contentType(ContentType.URLENC).formParam("client_id", "nobody").post("/oauth2/revoke").then()
                .statusCode(400).body("error", equalTo("invalid_request"));
        given().contentType(ContentType.URLENC).formParam("token", "x").formParam("client_id", "nobody")
                .post("/oauth2/revoke").then().statusCode(401).body("error", equalTo("invalid_client"));

        given().redirects().follow(false).queryParam("id_token_hint", "forged.token.here").get("/oauth2/logout")
                .then().statusCode(400).header("Location", nullValue());
        given().redirects().follow(false).queryParam("post_logout_redirect_uri", "http://evil.example/").get("/oauth2/logout")
                .then().statusCode(400).header("Location", nullValue());
    }

    @Test
    void clientRegistrationRefusesBadInputAsProblems() {
        registration(Map.of("redirectUris", List.of("not a uri"))).then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("redirectUris"));
        registration(Map.of("redirectUris", List.of("http://app.example/cb#fragment"))).then().statusCode(400);
        registration(Map.of("redirectUris", List.of(REDIRECT), "grantTypes", List.of("password"))).then().statusCode(400);
        registration(Map.of("public", true, "grantTypes", List.of("client_credentials"))).then().statusCode(400);
        registration(Map.of("clientId", "bad id!", "redirectUris", List.of(REDIRECT))).then().statusCode(400);
        registration(Map.of("grantTypes", List.of("authorization_code"))).then().statusCode(400);
        registration(Map.of("redirectUris", List.of(REDIRECT), "defaultAcr", "gold")).then().statusCode(400);
        String id = (String) OidcFixtures.register(Map.of("redirectUris", List.of(REDIRECT))).get("clientId");
        registration(Map.of("clientId", id, "redirectUris", List.of(REDIRECT, "http://other.example/cb"))).then()
                .statusCode(409);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"redirectUris\": 7")
                .post("/v1/admin/clients").then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("redirectUris", List.of(REDIRECT))).post("/v1/admin/clients")
                .then().statusCode(401);
        given().header("Authorization", ADMIN).get("/v1/admin/clients/no-such-client").then().statusCode(404);
    }

    private static Response token(Map<String, String> form) {
        return given().contentType(ContentType.URLENC).formParams(form).post("/oauth2/token");
    }

    private static Response registration(Map<String, Object> body) {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body).post("/v1/admin/clients");
    }
}
