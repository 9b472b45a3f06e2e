package dev.lockstep.auth;

import static dev.lockstep.auth.AuthFixtures.PASSWORD;
import static dev.lockstep.auth.AuthFixtures.createAccount;
import static dev.lockstep.auth.AuthFixtures.uniqueUsername;
import static dev.lockstep.auth.OidcFixtures.VERIFIER;
import static dev.lockstep.auth.OidcFixtures.exchange;
import static dev.lockstep.auth.OidcFixtures.publicClient;
import static dev.lockstep.auth.OidcFixtures.signIn;
import static dev.lockstep.platform.testing.TestTokens.ADMIN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lockstep.auth.service.OtpGateway;
import dev.lockstep.auth.service.SigningKeys;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;

/**
 * The classic attacks on bearer tokens, each against a token that was accepted a moment before:
 * {@code alg=none}, key confusion (HS256 keyed with the published RSA key), a stranger's RSA key
 * under the provider's {@code kid}, a changed payload, and the provider's own key over wrong claims
 * (expired, other issuer, other audience, an ID token offered as an access token, a revoked
 * session). The owner API ({@code /v1/me/sessions}) and userinfo each refuse every one with 401.
 */
@QuarkusTest
class ForgedTokensTest {

    @InjectMock
    OtpGateway otp;

    @Inject
    SigningKeys keys;

    @Test
    void theOwnerApiRefusesEveryForgeryOfAnAcceptedToken() throws Exception {
        String username = uniqueUsername();
        createAccount(username);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("mode", "off", "reason", "test"))
                .put("/v1/admin/accounts/" + username + "/mfa").then().statusCode(200);
        String token = given().contentType(ContentType.JSON).body(Map.of("username", username, "password", PASSWORD))
                .post("/v1/login").then().statusCode(200).extract().path("access_token");
        JwtClaims claims = JwtClaims.parse(payload(token));
        Map<String, Object> header = Map.of();

        assertEquals(200, me(token));
        assertEquals(200, me(signed(claims, header, AlgorithmIdentifiers.RSA_USING_SHA256, ownKey())),
                "the same claims signed again with the provider's key are accepted: the forgeries below differ in one thing");

        for (Map.Entry<String, String> forged : forgeries(token, claims, header).entrySet()) {
            given().header("Authorization", "Bearer " + forged.getValue()).get("/v1/me/sessions").then()
                    .statusCode(401).body("type", equalTo("tag:lockstep.dev,2026:problem:invalid-token"));
        }
        assertEquals(401, me(signed(changed(claims, c -> c.setExpirationTimeMinutesInTheFuture(-2)), header,
                AlgorithmIdentifiers.RSA_USING_SHA256, ownKey())), "expired");
        assertEquals(401, me(signed(changed(claims, c -> c.setAudience("another-api")), header,
                AlgorithmIdentifiers.RSA_USING_SHA256, ownKey())), "audience");

        given().header("Authorization", "Bearer " + token).post("/v1/logout").then().statusCode(204);
        assertEquals(401, me(token), "the session of the token ended");
    }

    @Test
    void userinfoRefusesEveryForgeryOfAnAcceptedAccessToken() throws Exception {
        String clientId = publicClient();
        String username = uniqueUsername();
        OidcFixtures.accountAcceptingCode(otp, username);
        Response back = signIn(new Browser(), clientId, username, "123456", "n-1");
        Response tokens = exchange(clientId, Browser.param(back, "code"), VERIFIER);
        String access = tokens.path("access_token");
        String idToken = tokens.path("id_token");
        JwtClaims claims = JwtClaims.parse(payload(access));
        Map<String, Object> header = Map.of("typ", "at+jwt");

        assertEquals(200, userinfo(access));
        assertEquals(200, userinfo(signed(claims, header, AlgorithmIdentifiers.RSA_USING_SHA256, ownKey())));

        for (Map.Entry<String, String> forged : forgeries(access, claims, header).entrySet()) {
            assertEquals(401, userinfo(forged.getValue()), forged.getKey());
        }
        assertEquals(401, userinfo(signed(changed(claims, c -> c.setExpirationTimeMinutesInTheFuture(-5)), header,
                AlgorithmIdentifiers.RSA_USING_SHA256, ownKey())), "expired");
        assertEquals(401, userinfo(signed(changed(claims, c -> c.setClaim("sandbox_exp",
                NumericDate.now().getValue() - 60)), header, AlgorithmIdentifiers.RSA_USING_SHA256, ownKey())),
                "expired on the sandbox clock");
        assertEquals(401, userinfo(idToken), "an ID token is not an access token");

        given().contentType(ContentType.URLENC).formParam("token", (String) tokens.path("refresh_token"))
                .formParam("client_id", clientId).post("/oauth2/revoke").then().statusCode(200);
        assertEquals(401, userinfo(access), "the grant of the token was revoked");
    }

    /** The forgeries both endpoints must refuse, by what they try. */
    private Map<String, String> forgeries(String token, JwtClaims claims, Map<String, Object> header) throws Exception {
        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("alg=none", signed(claims, header, AlgorithmIdentifiers.NONE, null));
        forged.put("HS256 keyed with the published RSA key",
                signed(claims, header, AlgorithmIdentifiers.HMAC_SHA256, new HmacKey(keys.current().publicKey().getEncoded())));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        forged.put("a stranger's RSA key under the provider's kid",
                signed(claims, header, AlgorithmIdentifiers.RSA_USING_SHA256, generator.generateKeyPair().getPrivate()));
        String[] parts = token.split("\\.");
        String otherSubject = changed(claims, c -> c.setSubject("another-account")).toJson();
        forged.put("payload changed, signature kept", parts[0] + "." + base64(otherSubject) + "." + parts[2]);
        forged.put("another issuer", signed(changed(claims, c -> c.setIssuer("http://127.0.0.1:1")), header,
                AlgorithmIdentifiers.RSA_USING_SHA256, ownKey()));
        return forged;
    }

    private Key ownKey() {
        return keys.current().privateKey();
    }

    private String signed(JwtClaims claims, Map<String, Object> header, String algorithm, Key key) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setKeyIdHeaderValue(keys.current().kid());
        header.forEach((name, value) -> jws.setHeader(name, String.valueOf(value)));
        if (key == null) {
            jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
            return jws.getCompactSerialization();
        }
        jws.setKey(key);
        jws.setDoKeyValidation(false);
        return jws.getCompactSerialization();
    }

    private static JwtClaims changed(JwtClaims claims, ClaimChange change) throws Exception {
        JwtClaims copy = JwtClaims.parse(claims.toJson());
        change.accept(copy);
        return copy;
    }

    @FunctionalInterface
    private interface ClaimChange {
        void accept(JwtClaims claims) throws Exception;
    }

    private static String payload(String jwt) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static int me(String token) {
        return given().header("Authorization", "Bearer " + token).get("/v1/me/sessions").statusCode();
    }

    private static int userinfo(String token) {
        return given().auth().oauth2(token).get("/oauth2/userinfo").statusCode();
    }
}
