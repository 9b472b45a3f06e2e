package dev.lockstep.e2e;

import static dev.lockstep.e2e.support.Lockstep.PASSWORD;
import static dev.lockstep.e2e.support.Lockstep.admin;
import static dev.lockstep.e2e.support.Lockstep.inbox;
import static dev.lockstep.e2e.support.Lockstep.newAccount;
import static dev.lockstep.e2e.support.Lockstep.nthCode;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import dev.lockstep.e2e.support.Lockstep;
import dev.lockstep.e2e.support.Oathtool;
import dev.lockstep.e2e.support.RelyingParty;
import dev.lockstep.e2e.support.SharedSandbox;
import dev.lockstep.launcher.Service;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The hosted login's other second factors and the acr a relying party asks for: an authenticator
 * app (oathtool), a recovery code, step-up from a password-only session, single sign-on, and a
 * pending recovery that a successful sign-in cancels, as the JSON login does.
 */
@ExtendWith(SharedSandbox.class)
@Order(21)
class OidcFactorsIT {

    private static final String MFA = "urn:lockstep:acr:mfa";

    @Test
    void anAuthenticatorAppCodeFromOathtoolCompletesTheHostedLogin() throws Exception {
        Oathtool.requireInstalled();
        Lockstep.Account account = newAccount();
        Oathtool.App totp = Oathtool.enrol(account);
        RelyingParty app = RelyingParty.registered();
        app.open();
        HttpResponse<String> codePage = app.post("password", Map.of("username", account.username(), "password", PASSWORD));
        assertTrue(codePage.body().contains("authenticator app"), codePage.body());

        String code = Oathtool.code(totp.secret(), Oathtool.sandboxNow().plusSeconds(30));
        IDTokenClaimsSet id = signedIn(app, app.post("code", Map.of("code", code, "factorId", totp.factorId())));
        assertEquals(MFA, id.getACR().getValue());
        assertTrue(id.getAMR().stream().anyMatch(a -> a.getValue().equals("otp")), id.toJSONString());
        assertTrue(inbox(account.phone()).isEmpty(), "an SMS went out although the app was the factor");
    }

    @Test
    void aRecoveryCodeCompletesTheHostedLoginWhenThePhoneIsOutOfReach() throws Exception {
        Lockstep.Account account = newAccount();
        Map<String, Object> set = given().header("Authorization", admin())
                .post(SharedSandbox.url(Service.OTP) + "/v1/admin/accounts/" + account.id() + "/recovery-codes")
                .then().statusCode(201).extract().jsonPath().getMap("$");
        String factorId = (String) set.get("factorId");
        RelyingParty app = RelyingParty.registered();
        app.open();
        app.post("password", Map.of("username", account.username(), "password", PASSWORD));

        HttpResponse<String> recoveryPage = app.post("choose", Map.of("factorId", factorId));
        assertTrue(recoveryPage.body().contains("recovery codes"), recoveryPage.body());
        String code = ((List<?>) set.get("codes")).get(0).toString();
        IDTokenClaimsSet id = signedIn(app, app.post("code", Map.of("code", code, "factorId", factorId)));
        assertEquals(account.id(), id.getSubject().getValue());
    }

    @Test
    void anApplicationAskingForMfaStepsUpAPasswordOnlySessionAndLaterSignInsNeedNoPage() throws Exception {
        Lockstep.Account account = newAccount();
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(Map.of("mode", "off", "reason", "e2e"))
                .put(SharedSandbox.url(Service.AUTH) + "/v1/admin/accounts/" + account.username() + "/mfa").then()
                .statusCode(200);
        RelyingParty app = RelyingParty.registered();
        app.open();
        IDTokenClaimsSet passwordOnly = signedIn(app,
                app.post("password", Map.of("username", account.username(), "password", PASSWORD)));
        assertEquals("urn:lockstep:acr:pwd", passwordOnly.getACR().getValue());

        // the session is too weak for acr mfa: no page with prompt=none, the hosted login (SMS) otherwise
        HttpResponse<String> silent = app.authorize("acr_values", MFA, "prompt", "none");
        AuthorizationResponse refused = AuthorizationResponse
                .parse(URI.create(silent.headers().firstValue("Location").orElseThrow()));
        assertEquals("interaction_required", ((AuthorizationErrorResponse) refused).getErrorObject().getCode());
        app.open("acr_values", MFA);
        HttpResponse<String> codePage = app.post("password", Map.of("username", account.username(), "password", PASSWORD));
        assertTrue(codePage.body().contains("text message"), codePage.body());
        IDTokenClaimsSet stepped = signedIn(app, app.post("code", Map.of("code", nthCode(account.phone(), 1))));
        assertEquals(MFA, stepped.getACR().getValue());

        // single sign-on: the browser's session answers at once, prompt=none included
        IDTokenClaimsSet sso = signedIn(app, app.authorize("acr_values", MFA, "prompt", "none"));
        assertEquals(stepped.getSessionID(), sso.getSessionID());
    }

    @Test
    void anOidcSignInDuringTheWaitingPeriodCancelsThePendingRecovery() throws Exception {
        Lockstep.Account account = newAccount(
                "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
        String recovery = SharedSandbox.url(Service.RECOVERY);
        String recoveryPhone = Lockstep.uniquePhone();
        String caseId = given().contentType(ContentType.JSON).body(Map.of("username", account.username(),
                "trustedPhone", account.phone(), "recoveryPhone", recoveryPhone, "deviceId", "borrowed-pc"))
                .post(recovery + "/v1/recovery/cases").then().statusCode(201).extract().path("caseId");
        given().contentType(ContentType.JSON).body(Map.of("code", nthCode(recoveryPhone, 1)))
                .post(recovery + "/v1/recovery/cases/" + caseId + "/verify-contact").then().statusCode(200)
                .body("status", equalTo("REQUESTED"));

        RelyingParty app = RelyingParty.registered();
        app.open();
        app.post("password", Map.of("username", account.username(), "password", PASSWORD));
        signedIn(app, app.post("code", Map.of("code", nthCode(account.phone(), 1))));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> "CANCELLED".equals(
                given().header("Authorization", admin()).get(recovery + "/v1/admin/recovery/cases/" + caseId).path("status")));
    }

    /** The redirect back with a code, exchanged and validated by Nimbus with the nonce. */
    private static IDTokenClaimsSet signedIn(RelyingParty app, HttpResponse<String> redirect) throws Exception {
        return app.validate(app.exchange(app.code(redirect)).getOIDCTokens().getIDToken(), app.nonce);
    }
}
