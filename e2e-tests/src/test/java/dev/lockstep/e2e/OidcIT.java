package dev.lockstep.e2e;

import static dev.lockstep.e2e.support.Lockstep.PASSWORD;
import static dev.lockstep.e2e.support.Lockstep.admin;
import static dev.lockstep.e2e.support.Lockstep.deliveryLog;
import static dev.lockstep.e2e.support.Lockstep.inbox;
import static dev.lockstep.e2e.support.Lockstep.newAccount;
import static dev.lockstep.e2e.support.Lockstep.nthCode;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.oauth2.sdk.token.TypelessAccessToken;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import dev.lockstep.e2e.support.Lockstep;
import dev.lockstep.e2e.support.RelyingParty;
import dev.lockstep.e2e.support.SharedSandbox;
import dev.lockstep.launcher.Service;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Lockstep as an OpenID Connect provider for an application built on Nimbus, on the real broker and
 * services: the hosted login with the SMS code read off the virtual phone, tokens validated by Nimbus,
 * refresh, introspection, revocation and logout; a lost SMS and its resend; a locked account.
 */
@ExtendWith(SharedSandbox.class)
@Order(20)
class OidcIT {

    @Test
    void anApplicationOnNimbusSignsAUserInWithAnSmsCodeAndManagesItsTokens() throws Exception {
        signsInAndManagesTokens(RelyingParty.registered());
    }

    @Test
    void overHttpsTheIssuerIsTheHttpsAddressAndTheSandboxCaIsAllTheApplicationTrusts() throws Exception {
        RelyingParty app = RelyingParty.registeredOverHttps();
        assertEquals(SharedSandbox.httpsUrl(Service.AUTH), app.provider.getIssuer().getValue());
        assertTrue(app.provider.getTokenEndpointURI().toString().startsWith("https://"));
        signsInAndManagesTokens(app);
    }

    private static void signsInAndManagesTokens(RelyingParty app) throws Exception {
        Lockstep.Account account = newAccount();

        HttpResponse<String> codePage = passwordStep(app, account);
        assertTrue(codePage.body().contains("+81 ••••"), codePage.body());
        String sms = nthCode(account.phone(), 1);
        AuthorizationCode code = app.code(app.post("code", Map.of("code", sms)));

        OIDCTokenResponse tokens = app.exchange(code);
        IDTokenClaimsSet id = app.validate(tokens.getOIDCTokens().getIDToken(), app.nonce);
        assertEquals(account.id(), id.getSubject().getValue());
        assertEquals("urn:lockstep:acr:mfa", id.getACR().getValue());
        assertTrue(id.getAMR().stream().anyMatch(a -> a.getValue().equals("sms")), id.toJSONString());
        assertTrue(id.getAuthenticationTime() != null);

        UserInfoResponse info = UserInfoResponse.parse(app.send(new UserInfoRequest(app.provider.getUserInfoEndpointURI(),
                tokens.getOIDCTokens().getBearerAccessToken()).toHTTPRequest()));
        assertTrue(info.indicatesSuccess());
        UserInfo user = info.toSuccessResponse().getUserInfo();
        assertEquals(account.username(), user.getPreferredUsername());
        assertEquals(account.phone(), user.getPhoneNumber());

        // refresh rotates; the first refresh token again revokes the session
        Tokens refreshed = refresh(app, tokens.getOIDCTokens().getRefreshToken().getValue()).toSuccessResponse().getTokens();
        assertNotEquals(tokens.getOIDCTokens().getRefreshToken(), refreshed.getRefreshToken());
        ClientSecretBasic resourceServer = confidentialClient();
        assertTrue(introspect(app, resourceServer, refreshed.getAccessToken().getValue()).isActive());

        // revocation (RFC 7009) of the refreshed token ends its grant's access token too
        HTTPResponse revoked = app.send(new TokenRevocationRequest(app.provider.getRevocationEndpointURI(), app.clientId,
                refreshed.getRefreshToken()).toHTTPRequest());
        assertEquals(200, revoked.getStatusCode());
        assertFalse(introspect(app, resourceServer, refreshed.getAccessToken().getValue()).isActive());
        assertFalse(introspect(app, resourceServer, refreshed.getRefreshToken().getValue()).isActive());

        // reuse of the first refresh token is refused
        TokenResponse reused = refresh(app, tokens.getOIDCTokens().getRefreshToken().getValue());
        assertEquals("invalid_grant", ((TokenErrorResponse) reused).getErrorObject().getCode());

        // RP-initiated logout goes back to the registered URI with the state; the session is over
        State logoutState = new State();
        HttpResponse<String> loggedOut = app.get(new LogoutRequest(app.provider.getEndSessionEndpointURI(),
                tokens.getOIDCTokens().getIDToken(), URI.create("http://127.0.0.1:1/bye"), logoutState).toURI());
        assertEquals(302, loggedOut.statusCode());
        assertEquals("http://127.0.0.1:1/bye?state=" + logoutState.getValue(),
                loggedOut.headers().firstValue("Location").orElseThrow());
        given().header("Authorization", admin()).get(SharedSandbox.url(Service.AUTH) + "/v1/admin/accounts/"
                + account.username() + "/sessions").then().statusCode(200).body("$", Matchers.hasSize(0));
    }

    @Test
    void aCodeLostOnTheNetworkIsResentFromTheHostedLoginAndTheSignInCompletes() throws Exception {
        Lockstep.Account account = newAccount();
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body("{\"match\":{\"number\":\"" + account.phone() + "\",\"kind\":\"login-code\"},"
                        + "\"effect\":{\"type\":\"drop\"},\"trigger\":{\"next\":1}}")
                .post(SharedSandbox.url(Service.SIM) + "/v1/faults").then().statusCode(201);
        RelyingParty app = RelyingParty.registered();
        passwordStep(app, account);
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveryLog(account.phone()).size() == 1);
        assertTrue(inbox(account.phone()).isEmpty());

        HttpResponse<String> resent = app.post("send", Map.of("channel", "sms"));
        assertTrue(resent.body().contains("id=\"notice\""), resent.body());
        AuthorizationCode code = app.code(app.post("code", Map.of("code", nthCode(account.phone(), 1))));
        assertTrue(app.exchange(code).getOIDCTokens().getIDToken() != null);
    }

    @Test
    void aFreshIdTokenPassesNimbusValidationAfterTheSandboxClockMovedThreeDaysAhead() throws Exception {
        SharedSandbox.client().advanceClock(Duration.ofDays(3));
        SharedSandbox.client().awaitClock(Duration.ofSeconds(10));
        Lockstep.Account account = newAccount();
        RelyingParty app = RelyingParty.registered();
        passwordStep(app, account);
        AuthorizationCode code = app.code(app.post("code", Map.of("code", nthCode(account.phone(), 1))));
        IDTokenClaimsSet id = app.validate(app.exchange(code).getOIDCTokens().getIDToken(), app.nonce);
        assertEquals(account.id(), id.getSubject().getValue());
    }

    @Test
    void aLockedAccountCannotCompleteTheFlowAndLooksLikeAWrongPassword() throws Exception {
        Lockstep.Account account = newAccount();
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(Map.of("reason", "e2e"))
                .post(SharedSandbox.url(Service.AUTH) + "/v1/admin/accounts/" + account.username() + "/suspicious-activity")
                .then().statusCode(200);
        RelyingParty app = RelyingParty.registered();
        app.open();
        HttpResponse<String> refused = app.post("password", Map.of("username", account.username(), "password", PASSWORD));
        assertEquals(200, refused.statusCode());
        assertTrue(refused.body().contains("Incorrect username or password."), refused.body());
        assertTrue(refused.headers().firstValue("Location").isEmpty());
    }

    private static HttpResponse<String> passwordStep(RelyingParty app, Lockstep.Account account) throws Exception {
        app.open();
        HttpResponse<String> codePage = app.post("password", Map.of("username", account.username(), "password", PASSWORD));
        assertEquals(200, codePage.statusCode(), codePage.body());
        return codePage;
    }

    private static TokenResponse refresh(RelyingParty app, String refreshToken) throws Exception {
        return OIDCTokenResponseParser.parse(app.send(new TokenRequest(app.provider.getTokenEndpointURI(), app.clientId,
                new RefreshTokenGrant(new RefreshToken(refreshToken))).toHTTPRequest()));
    }

    private static ClientSecretBasic confidentialClient() {
        Map<String, Object> client = given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body(Map.of("grantTypes", List.of("client_credentials")))
                .post(SharedSandbox.url(Service.AUTH) + "/v1/admin/clients").then().statusCode(201).extract().jsonPath()
                .getMap("$");
        return new ClientSecretBasic(new ClientID((String) client.get("clientId")),
                new Secret((String) client.get("clientSecret")));
    }

    private static TokenIntrospectionSuccessResponse introspect(RelyingParty app,
            ClientSecretBasic client, String token) throws Exception {
        TokenIntrospectionResponse response = TokenIntrospectionResponse.parse(app.send(new TokenIntrospectionRequest(
                app.provider.getIntrospectionEndpointURI(), client,
                new TypelessAccessToken(token)).toHTTPRequest()));
        return response.toSuccessResponse();
    }
}
