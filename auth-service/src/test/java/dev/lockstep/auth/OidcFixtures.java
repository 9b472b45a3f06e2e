package dev.lockstep.auth;

import static dev.lockstep.auth.AuthFixtures.PASSWORD;
import static dev.lockstep.platform.testing.TestTokens.ADMIN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import dev.lockstep.auth.service.OtpGateway;
import dev.lockstep.contracts.http.CodeCheckResult;
import dev.lockstep.contracts.http.CodeCheckResult.Outcome;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;

/** Object mother for the OpenID Connect tests: clients, a browser's sign-in, the token endpoint. */
final class OidcFixtures {

    static final String ISSUER = "http://127.0.0.1:8081";
    static final String REDIRECT = "http://127.0.0.1:9999/callback";
    static final String VERIFIER = "a-verifier-of-at-least-forty-three-characters-0123456789";

    private OidcFixtures() {
    }

    /** An account whose phone otp-service (the Mockito stand-in) lists, and for which the code 123456 is right. */
    static String accountAcceptingCode(OtpGateway otp, String username) {
        String accountId = AuthFixtures.accountWithPhone(otp, username);
        when(otp.check(anyString(), eq(accountId), eq("123456"), any(), any()))
                .thenReturn(new CodeCheckResult(Outcome.VALID, 5, "sms"));
        return accountId;
    }

    /** Registers a client from a JSON-able body; returns the registration answer (secret included). */
    static Map<String, Object> register(Map<String, Object> body) {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body)
                .post("/v1/admin/clients").then().statusCode(201).extract().jsonPath().getMap("$");
    }

    static String publicClient() {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("public", true, "redirectUris", List.of(REDIRECT)))
                .post("/v1/admin/clients").then().statusCode(201).body("clientSecret", nullValue())
                .extract().path("clientId");
    }

    static Response signIn(Browser browser, String clientId, String username, String code, String nonce) {
        Response page = browser.follow(browser.get(authorizeUrl(clientId, nonce)));
        page.then().statusCode(200).contentType(containsString("text/html"));
        String path = Browser.loginPath(page);
        Response codePage = browser.post(path + "/password", Map.of("username", username, "password", PASSWORD));
        codePage.then().statusCode(200).body(containsString("+81 ••••••••78"));
        return browser.post(path + "/code", Map.of("code", code));
    }

    static String authorizeUrl(String clientId, String nonce) {
        StringBuilder url = new StringBuilder("/oauth2/authorize?");
        authorizeParams(clientId, nonce).forEach((k, v) -> url.append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
        return url.toString();
    }

    static Map<String, String> authorizeParams(String clientId, String nonce) {
        Map<String, String> params = new LinkedHashMap<>(Map.of("response_type", "code", "client_id", clientId,
                "redirect_uri", REDIRECT, "scope", "openid profile offline_access", "state", "xyz",
                "code_challenge", challenge(VERIFIER), "code_challenge_method", "S256", "unknown_param", "ignored"));
        if (nonce != null) {
            params.put("nonce", nonce);
        }
        return params;
    }

    static Response exchange(String clientId, String code, String verifier) {
        return given().contentType(ContentType.URLENC).formParam("grant_type", "authorization_code")
                .formParam("code", code).formParam("redirect_uri", REDIRECT).formParam("client_id", clientId)
                .formParam("code_verifier", verifier).post("/oauth2/token");
    }

    static Response refresh(String clientId, String refreshToken) {
        return given().contentType(ContentType.URLENC).formParam("grant_type", "refresh_token")
                .formParam("refresh_token", refreshToken).formParam("client_id", clientId).post("/oauth2/token");
    }

    static JwtClaims verify(String jwt) throws Exception {
        String jwks = given().get("/.well-known/jwks.json").asString();
        return new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(new JsonWebKeySet(jwks).getJsonWebKeys()))
                .setExpectedIssuer(ISSUER).setSkipDefaultAudienceValidation().setRequireExpirationTime()
                .build().processToClaims(jwt);
    }

    static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String atHash(String accessToken) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
    }
}
