package dev.lockstep.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockstep.launcher.Service;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
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

    private static final Path CHROMIUM = Path.of(System.getProperty("lockstep.chromium", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getProperty("lockstep.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SHOTS = Path.of("target/screenshots");

    private static WebDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void openBrowser() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (System.getenv("LOCKSTEP_REQUIRE_BROWSER") != null) {
            assertTrue(installed, "LOCKSTEP_REQUIRE_BROWSER is set but " + CHROMIUM + " or " + DRIVER + " is missing");
        }
        Assumptions.assumeTrue(installed, "no Chromium here (apt-get install chromium chromium-driver)");
        Files.createDirectories(SHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1500,1900",
                "--lang=en");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(45));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static WebElement id(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    private static void type(String id, String text) {
        WebElement field = id(id);
        field.clear();
        field.sendKeys(text);
    }

    private static void click(String id) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    private static void waitForText(String id, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
    }

    private static void screenshot(String name) throws IOException {
        Path file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(file, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void s3IsWalkedThroughByClicksWithAScreenshotAtEachStep() throws IOException {
        browser.get(SharedSandbox.url(Service.SIM) + "/console/index.html");
        type("token", SharedSandbox.ADMIN_TOKEN + "\t");
        click("scenario-load-s3-new-pc-no-sms-abroad");
        waitForText("scenario-name", "s3-new-pc-no-sms-abroad");
        waitForText("status", "loaded");
        screenshot("s3-1-scenario-loaded");

        // a new PC: the password is right, and an SMS step follows
        type("login-username", "haruto");
        type("login-password", "madrid but tokyo number");
        type("login-device", "new-pc");
        type("login-ip", "198.51.100.40");
        click("login-submit");
        waitForText("login-result", "A code is needed");
        click("login-send-0");
        waitForText("login-result", "A new code was sent");
        screenshot("s3-2-new-pc-needs-an-sms");

        // the phone roams in Spain behind a carrier filter: nothing arrives
        type("phone-number", "+81 90 5678 0001");
        click("phone-open");
        waitForText("phone-title", "+819056780001");
        wait.until(d -> "ES".equals(d.findElement(By.id("phone-roaming")).getDomProperty("value")));
        assertEquals("alphanumeric", browser.findElement(By.id("phone-filter")).getDomProperty("value"));
        wait.until(d -> !d.findElements(By.cssSelector("#phone-log tbody tr")).isEmpty());
        assertEquals(0, browser.findElements(By.cssSelector("#phone-inbox tbody tr")).size(), "no message arrived");
        assertTrue(id("phone-log").getText().contains("undelivered"), "the delivery log says why: " + id("phone-log").getText());
        screenshot("s3-3-the-sms-never-arrives");

        // support turns the two-step check off
        type("account-username", "haruto");
        click("account-open");
        waitForText("account-second-factor", "new-device");
        click("account-mfa-off");
        waitForText("account-second-factor", "off");
        screenshot("s3-4-support-turns-2fa-off");

        // ID and password are enough now
        click("login-submit");
        waitForText("login-result", "Signed in");
        waitForText("login-token", "\"amr\"");
        assertTrue(id("login-token").getText().contains("RS256"), "the token is shown decoded");
        screenshot("s3-5-password-login-succeeds");

        // and support turns it back on
        click("account-mfa-on");
        waitForText("account-second-factor", "always");
        screenshot("s3-6-2fa-back-on");
    }

    @Test
    void s0TheConsoleSaysWhyAnAccountWithALostRecoveryKeyHasNoWaitingPeriod() throws IOException {
        browser.get(SharedSandbox.url(Service.SIM) + "/console/index.html");
        type("token", SharedSandbox.ADMIN_TOKEN + "\t");
        click("scenario-load-s0-locked-and-no-code");
        waitForText("status", "loaded");
        type("recovery-username", "aiko");
        type("recovery-trusted", "+81 90 1234 5612");
        type("recovery-phone", "+81 80 1234 5699");
        click("recovery-submit");
        waitForText("recovery-result", "recovery-key-required");
        assertTrue(id("recovery-result").getText().contains("cannot be recovered"), id("recovery-result").getText());
        screenshot("s0-no-waiting-period-with-a-recovery-key");
    }

    @Test
    void theLoginPanelSignsInThroughTheHostedLoginWithTheRealCodeFlow() throws IOException {
        Lockstep.Account account = Lockstep.newAccount();
        String sim = SharedSandbox.url(Service.SIM);
        String clientId = io.restassured.RestAssured.given().header("Authorization", Lockstep.admin())
                .contentType(io.restassured.http.ContentType.JSON)
                .body(java.util.Map.of("public", true, "name", "the Lockstep console",
                        "redirectUris", java.util.List.of(sim + "/console/callback.html")))
                .post(SharedSandbox.url(Service.AUTH) + "/v1/admin/clients").then().statusCode(201).extract().path("clientId");
        browser.get(sim + "/console/index.html");
        type("oidc-client", clientId);
        click("oidc-start");

        // Lockstep's hosted login, served by auth-service, no JavaScript
        type("username", account.username());
        type("password", Lockstep.PASSWORD);
        screenshot("oidc-1-hosted-login");
        click("continue");
        waitForText("prompt", "text message");
        type("code", Lockstep.nthCode(account.phone(), 1));
        screenshot("oidc-2-sms-code");
        click("verify");

        // back in the console (the application), with the ID token
        waitForText("oidc-result", "Signed in as " + account.username());
        assertTrue(id("oidc-result").getText().contains("urn:lockstep:acr:mfa"), id("oidc-result").getText());
        waitForText("oidc-userinfo", account.username());
        screenshot("oidc-3-back-in-the-application");
    }

    @Test
    void anIdentityProviderFaultAddedInTheConsoleFiresOnceAndShowsOnTheTimeline() throws IOException {
        Map<String, Object> app = given().header("Authorization", Lockstep.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "console fault test", "grantTypes", List.of("client_credentials")))
                .post(SharedSandbox.url(Service.AUTH) + "/v1/admin/clients").then().statusCode(201).extract().jsonPath()
                .getMap("$");
        browser.get(SharedSandbox.url(Service.SIM) + "/console/index.html");
        type("token", SharedSandbox.ADMIN_TOKEN + "\t");
        new Select(id("idp-fault-preset")).selectByValue("token-503");
        type("idp-fault-client", (String) app.get("clientId"));
        click("idp-fault-add");
        waitForText("idp-fault-list", "the token endpoint answers 503 once");

        given().auth().preemptive().basic((String) app.get("clientId"), (String) app.get("clientSecret"))
                .contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .post(SharedSandbox.url(Service.AUTH) + "/oauth2/token").then().statusCode(503);
        wait.until(d -> d.findElements(By.cssSelector("#idp-fault-list tbody tr")).stream()
                .anyMatch(row -> row.getText().startsWith("the token endpoint answers 503 once 1 1")));
        waitForText("timeline", "idp.fault-fired");
        waitForText("timeline", "token: fail");
        screenshot("console-idp-fault-fired");
        given().auth().preemptive().basic((String) app.get("clientId"), (String) app.get("clientSecret"))
                .contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .post(SharedSandbox.url(Service.AUTH) + "/oauth2/token").then().statusCode(200);
    }
}
