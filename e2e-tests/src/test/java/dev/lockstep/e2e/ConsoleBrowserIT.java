package dev.lockstep.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockstep.e2e.support.Chromium;
import dev.lockstep.e2e.support.Lockstep;
import dev.lockstep.e2e.support.SharedSandbox;
import dev.lockstep.launcher.Service;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Story S3 walked through the console by clicks in a real headless Chromium (Debian's, with its
 * chromedriver; nothing is downloaded): a new PC needs an SMS that never arrives because the number
 * roams in Spain behind a carrier filter; the operator turns two-step verification off, the password
 * alone signs in, and the operator turns it back on. A screenshot is saved at each step
 * ({@code target/screenshots}).
 */
@ExtendWith(SharedSandbox.class)
@Order(18)
class ConsoleBrowserIT {

    private static Chromium chrome;
    private static WebDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void openBrowser() throws IOException {
        chrome = Chromium.open("1500,1900");
        browser = chrome.driver();
        wait = chrome.await();
    }

    @AfterAll
    static void closeBrowser() {
        if (chrome != null) {
            chrome.close();
        }
    }

    @Test
    void s3IsWalkedThroughByClicksWithAScreenshotAtEachStep() throws IOException {
        browser.get(SharedSandbox.url(Service.SIM) + "/console/index.html");
        chrome.type("token", SharedSandbox.ADMIN_TOKEN + "\t");
        chrome.click("scenario-load-s3-new-pc-no-sms-abroad");
        chrome.waitForText("scenario-name", "s3-new-pc-no-sms-abroad");
        chrome.waitForText("status", "loaded");
        chrome.screenshot("s3-1-scenario-loaded");

        // a new PC: the password is right, and an SMS step follows
        chrome.type("login-username", "haruto");
        chrome.type("login-password", "madrid but tokyo number");
        chrome.type("login-device", "new-pc");
        chrome.type("login-ip", "198.51.100.40");
        chrome.click("login-submit");
        chrome.waitForText("login-result", "A code is needed");
        chrome.click("login-send-0");
        chrome.waitForText("login-result", "A new code was sent");
        chrome.screenshot("s3-2-new-pc-needs-an-sms");

        // the phone roams in Spain behind a carrier filter: nothing arrives
        chrome.type("phone-number", "+81 90 5678 0001");
        chrome.click("phone-open");
        chrome.waitForText("phone-title", "+819056780001");
        wait.until(d -> "ES".equals(d.findElement(By.id("phone-roaming")).getDomProperty("value")));
        assertEquals("alphanumeric", browser.findElement(By.id("phone-filter")).getDomProperty("value"));
        wait.until(d -> !d.findElements(By.cssSelector("#phone-log tbody tr")).isEmpty());
        assertEquals(0, browser.findElements(By.cssSelector("#phone-inbox tbody tr")).size(), "no message arrived");
        assertTrue(chrome.element("phone-log").getText().contains("undelivered"),
                "the delivery log says why: " + chrome.element("phone-log").getText());
        chrome.screenshot("s3-3-the-sms-never-arrives");

        // support turns the two-step check off
        chrome.type("account-username", "haruto");
        chrome.click("account-open");
        chrome.waitForText("account-second-factor", "new-device");
        chrome.click("account-mfa-off");
        chrome.waitForText("account-second-factor", "off");
        chrome.screenshot("s3-4-support-turns-2fa-off");

        // ID and password are enough now
        chrome.click("login-submit");
        chrome.waitForText("login-result", "Signed in");
        chrome.waitForText("login-token", "\"amr\"");
        assertTrue(chrome.element("login-token").getText().contains("RS256"), "the token is shown decoded");
        chrome.screenshot("s3-5-password-login-succeeds");

        // and support turns it back on
        chrome.click("account-mfa-on");
        chrome.waitForText("account-second-factor", "always");
        chrome.screenshot("s3-6-2fa-back-on");
    }

    @Test
    void s0TheConsoleSaysWhyAnAccountWithALostRecoveryKeyHasNoWaitingPeriod() throws IOException {
        browser.get(SharedSandbox.url(Service.SIM) + "/console/index.html");
        chrome.type("token", SharedSandbox.ADMIN_TOKEN + "\t");
        chrome.click("scenario-load-s0-locked-and-no-code");
        chrome.waitForText("status", "loaded");
        chrome.type("recovery-username", "aiko");
        chrome.type("recovery-trusted", "+81 90 1234 5612");
        chrome.type("recovery-phone", "+81 80 1234 5699");
        chrome.click("recovery-submit");
        chrome.waitForText("recovery-result", "recovery-key-required");
        assertTrue(chrome.element("recovery-result").getText().contains("cannot be recovered"),
                chrome.element("recovery-result").getText());
        chrome.screenshot("s0-no-waiting-period-with-a-recovery-key");
    }

    @Test
    void theLoginPanelSignsInThroughTheHostedLoginWithTheRealCodeFlow() throws IOException {
        Lockstep.Account account = Lockstep.newAccount();
        String sim = SharedSandbox.url(Service.SIM);
        String clientId = RestAssured.given().header("Authorization", Lockstep.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("public", true, "name", "the Lockstep console",
                        "redirectUris", List.of(sim + "/console/callback.html")))
                .post(SharedSandbox.url(Service.AUTH) + "/v1/admin/clients").then().statusCode(201).extract().path("clientId");
        browser.get(sim + "/console/index.html");
        chrome.type("oidc-client", clientId);
        chrome.click("oidc-start");

        // Lockstep's hosted login, served by auth-service, no JavaScript
        chrome.type("username", account.username());
        chrome.type("password", Lockstep.PASSWORD);
        chrome.screenshot("oidc-1-hosted-login");
        chrome.click("continue");
        chrome.waitForText("prompt", "text message");
        chrome.type("code", Lockstep.nthCode(account.phone(), 1));
        chrome.screenshot("oidc-2-sms-code");
        chrome.click("verify");

        // back in the console (the application), with the ID token
        chrome.waitForText("oidc-result", "Signed in as " + account.username());
        assertTrue(chrome.element("oidc-result").getText().contains("urn:lockstep:acr:mfa"),
                chrome.element("oidc-result").getText());
        chrome.waitForText("oidc-userinfo", account.username());
        chrome.screenshot("oidc-3-back-in-the-application");
    }

    @Test
    void anIdentityProviderFaultAddedInTheConsoleFiresOnceAndShowsOnTheTimeline() throws IOException {
        Map<String, Object> app = given().header("Authorization", Lockstep.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "console fault test", "grantTypes", List.of("client_credentials")))
                .post(SharedSandbox.url(Service.AUTH) + "/v1/admin/clients").then().statusCode(201).extract().jsonPath()
                .getMap("$");
        browser.get(SharedSandbox.url(Service.SIM) + "/console/index.html");
        chrome.type("token", SharedSandbox.ADMIN_TOKEN + "\t");
        new Select(chrome.element("idp-fault-preset")).selectByValue("token-503");
        chrome.type("idp-fault-client", (String) app.get("clientId"));
        chrome.click("idp-fault-add");
        chrome.waitForText("idp-fault-list", "the token endpoint answers 503 once");

        given().auth().preemptive().basic((String) app.get("clientId"), (String) app.get("clientSecret"))
                .contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .post(SharedSandbox.url(Service.AUTH) + "/oauth2/token").then().statusCode(503);
        wait.until(d -> d.findElements(By.cssSelector("#idp-fault-list tbody tr")).stream()
                .anyMatch(row -> row.getText().startsWith("the token endpoint answers 503 once 1 1")));
        chrome.waitForText("timeline", "idp.fault-fired");
        chrome.waitForText("timeline", "token: fail");
        chrome.screenshot("console-idp-fault-fired");
        given().auth().preemptive().basic((String) app.get("clientId"), (String) app.get("clientSecret"))
                .contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .post(SharedSandbox.url(Service.AUTH) + "/oauth2/token").then().statusCode(200);
    }
}
