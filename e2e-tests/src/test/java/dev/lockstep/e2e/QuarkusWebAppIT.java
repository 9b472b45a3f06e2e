package dev.lockstep.e2e;

import static dev.lockstep.e2e.support.Lockstep.PASSWORD;
import static dev.lockstep.e2e.support.Lockstep.admin;
import static dev.lockstep.e2e.support.Lockstep.newAccount;
import static dev.lockstep.e2e.support.Lockstep.nthCode;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockstep.contracts.Topic;
import dev.lockstep.e2e.support.Chromium;
import dev.lockstep.e2e.support.Lockstep;
import dev.lockstep.e2e.support.SharedSandbox;
import dev.lockstep.launcher.Service;
import io.restassured.http.ContentType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.HttpsURLConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The example Quarkus web application ({@code examples/quarkus-web-app}: quarkus-oidc in web-app mode,
 * configured with the issuer's HTTPS URL, its client id and secret and the sandbox's CA, nothing else)
 * driven in headless Chromium: sign-in with the SMS code read from the virtual phone, step-up for a page
 * with {@code @AuthenticationContext}, logout in the app, an operator's revoke reaching the app by
 * back-channel logout, a locked account, and the identity provider broken on purpose. Chromium trusts
 * the sandbox's TLS certificate by its public key and nothing else. Screenshots under
 * {@code target/screenshots/quarkus-app-*}.
 */
@ExtendWith(SharedSandbox.class)
@Order(23)
class QuarkusWebAppIT {

    private static final Path APP_JAR = Path.of(System.getProperty("lockstep.home", ".."))
            .resolve("examples/quarkus-web-app/target/quarkus-app/quarkus-run.jar");

    private static Process shop;
    private static String app;
    private static String clientId;
    private static String sandboxKeys;

    private Chromium chrome;
    private WebDriver browser;

    @BeforeAll
    static void startTheApp() throws Exception {
        Chromium.assumeInstalled();
        assertTrue(Files.isRegularFile(APP_JAR), APP_JAR + " is missing: build the reactor first (./mvnw install)");
        int port = Lockstep.freePort();
        app = "http://127.0.0.1:" + port;
        Map<String, Object> client = given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "example shop", "redirectUris", List.of(app + "/account", app + "/payments"),
                        "postLogoutRedirectUris", List.of(app + "/"), "backchannelLogoutUri", app + "/back-channel-logout"))
                .post(SharedSandbox.url(Service.AUTH) + "/v1/admin/clients").then().statusCode(201).extract().jsonPath()
                .getMap("$");
        clientId = (String) client.get("clientId");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
                "-Dquarkus.oidc.auth-server-url=" + SharedSandbox.httpsUrl(Service.AUTH),
                "-Dquarkus.oidc.client-id=" + clientId,
                "-Dquarkus.oidc.credentials.secret=" + client.get("clientSecret"),
                "-Dquarkus.tls.provider.trust-store.pem.certs=" + SharedSandbox.sandbox().caFile(),
                "-jar", APP_JAR.toString());
        shop = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(shop.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line = out.readLine();
        for (int lines = 0; line != null && !line.contains("Listening on") && lines < 100; lines++) {
            seen.append(line).append('\n');
            line = out.readLine();
        }
        assertTrue(line != null && line.contains("Listening on"), "the Quarkus app did not start:\n" + seen);
        Thread echo = new Thread(() -> out.lines().forEach(l -> System.out.println("[quarkus-web-app] " + l)),
                "quarkus-app-output");
        echo.setDaemon(true);
        echo.start();
        sandboxKeys = sandboxCertificateKeys();
    }

    /** The SHA-256 of the public keys of the certificates the sandbox presents, for Chromium to trust those only. */
    private static String sandboxCertificateKeys() throws Exception {
        HttpsURLConnection connection = (HttpsURLConnection) new URL(SharedSandbox.httpsUrl(Service.AUTH)
                + "/.well-known/openid-configuration").openConnection();
        connection.setSSLSocketFactory(SharedSandbox.trustingTheSandboxCa().getSocketFactory());
        connection.getResponseCode();
        List<String> hashes = new ArrayList<>();
        for (Certificate certificate : connection.getServerCertificates()) {
            hashes.add(Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(certificate.getPublicKey().getEncoded())));
        }
        connection.disconnect();
        return String.join(",", hashes);
    }

    @AfterAll
    static void stopTheApp() throws InterruptedException {
        if (shop != null) {
            shop.destroy();
            shop.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @BeforeEach
    void openBrowser() throws IOException {
        chrome = Chromium.open("1100,900", "--ignore-certificate-errors-spki-list=" + sandboxKeys);
        browser = chrome.driver();
    }

    @AfterEach
    void closeBrowser() {
        if (chrome != null) {
            chrome.close();
        }
    }

    @Test
    void aUserSignsInWithTheSmsCodeAfterTheFirstTextIsLostAndTheAppShowsWhoAndHow() throws IOException {
        Lockstep.Account account = newAccount();
        String rule = given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "lose the first code", "match", Map.of("number", account.phone(), "kind", "login-code"),
                        "effect", Map.of("type", "drop"), "trigger", Map.of("next", 1)))
                .post(SharedSandbox.url(Service.SIM) + "/v1/faults").then().statusCode(201).extract().path("id");

        browser.get(app + "/account");
        signInWithPassword(account.username());
        chrome.screenshot("quarkus-app-1-hosted-login-code");
        await().atMost(Duration.ofSeconds(30)).until(() -> Lockstep.deliveryLog(account.phone()).size() == 1);
        chrome.click("send-again");
        chrome.waitForText("notice", "on its way");
        chrome.type("code", nthCode(account.phone(), 1));
        chrome.screenshot("quarkus-app-2-code-from-the-virtual-phone");
        chrome.click("verify");

        chrome.waitForText("username", account.username());
        assertTrue(browser.getCurrentUrl().startsWith(app + "/account"), browser.getCurrentUrl());
        assertTrue(chrome.element("amr").getText().contains("sms"), chrome.element("amr").getText());
        assertEquals("urn:lockstep:acr:mfa", chrome.element("acr").getText());
        chrome.screenshot("quarkus-app-3-signed-in");
        assertEquals(1, given().header("Authorization", admin()).get(SharedSandbox.url(Service.SIM) + "/v1/faults")
                .then().extract().jsonPath().getInt("find { it.id == '" + rule + "' }.hits"));
    }

    @Test
    void aPasswordOnlySessionIsSentBackForTheSmsStepByAPageThatDemandsASecondFactor() throws IOException {
        Lockstep.Account account = newAccount();
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(Map.of("mode", "off", "reason", "e2e"))
                .put(SharedSandbox.url(Service.AUTH) + "/v1/admin/accounts/" + account.username() + "/mfa").then()
                .statusCode(200);
        browser.get(app + "/account");
        signInWithPassword(account.username());
        chrome.waitForText("username", account.username());
        assertEquals("urn:lockstep:acr:pwd", chrome.element("acr").getText());

        chrome.click("payments-link");
        signInWithPassword(account.username());
        chrome.type("code", nthCode(account.phone(), 1));
        chrome.screenshot("quarkus-app-4-step-up-code");
        chrome.click("verify");
        chrome.waitForText("title", "Payments");
        assertTrue(browser.getCurrentUrl().startsWith(app + "/payments"), browser.getCurrentUrl());
        assertEquals("urn:lockstep:acr:mfa", chrome.element("acr").getText());
        chrome.screenshot("quarkus-app-5-stepped-up");
    }

    @Test
    void signingOutInTheAppEndsTheSessionInLockstep() throws IOException {
        Lockstep.Account account = signedIn();
        chrome.click("logout-link");
        chrome.waitForText("title", "Example shop");
        // back on the app's front page (quarkus-oidc sends a state along to the end-session endpoint)
        assertEquals(app + "/", browser.getCurrentUrl().replaceFirst("\\?state=[0-9a-f-]+$", ""));
        chrome.screenshot("quarkus-app-8-signed-out");
        given().header("Authorization", admin()).get(SharedSandbox.url(Service.AUTH) + "/v1/admin/accounts/"
                + account.username() + "/sessions").then().statusCode(200).body("$", hasSize(0));
        browser.get(app + "/account");
        chrome.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("password")));
    }

    @Test
    void anOperatorRevokingTheSessionSignsTheAppOutThroughBackChannelLogout() throws Exception {
        Lockstep.Account account = signedIn();
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(Map.of("reason", "e2e: stolen laptop"))
                .post(SharedSandbox.url(Service.AUTH) + "/v1/admin/accounts/" + account.username() + "/sessions/revoke-all")
                .then().statusCode(200);
        Lockstep.awaitEvents(Topic.AUTH_EVENTS,
                e -> e.type().equals("lockstep.oidc.backchannel-logout.v1") && account.id().equals(e.subject()),
                events -> events.stream().anyMatch(e -> e.data().path("outcome").asText().equals("delivered")
                        && e.data().path("clientId").asText().equals(clientId)));

        browser.get(app + "/account");
        chrome.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("password")));
        assertTrue(browser.getCurrentUrl().contains("/oauth2/login/"), browser.getCurrentUrl());
    }

    @Test
    void theTokenEndpointAnswering503OnceShowsTheAppsErrorPageAndTheNextSignInWorks() throws IOException {
        Lockstep.Account account = newAccount();
        String rule = given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "token endpoint down once", "match", Map.of("endpoint", "token", "clientId", clientId),
                        "effect", Map.of("type", "fail", "status", 503), "trigger", Map.of("next", 1)))
                .post(SharedSandbox.url(Service.AUTH) + "/v1/admin/idp-faults").then().statusCode(201).extract().path("id");
        browser.get(app + "/account");
        signInWithPassword(account.username());
        chrome.type("code", nthCode(account.phone(), 1));
        chrome.click("verify");
        chrome.waitForText("title", "Sign-in failed");
        chrome.screenshot("quarkus-app-6-token-endpoint-503");
        assertEquals(1, given().header("Authorization", admin()).get(SharedSandbox.url(Service.AUTH) + "/v1/admin/idp-faults")
                .then().extract().jsonPath().getInt("find { it.id == '" + rule + "' }.hits"));

        // Lockstep's session stands, so trying again returns to the app without a page
        chrome.click("retry");
        chrome.waitForText("username", account.username());
    }

    @Test
    void aLockedAccountSeesTheHostedLoginsRefusalAndNeverReachesTheApp() throws IOException {
        Lockstep.Account account = newAccount();
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(Map.of("reason", "e2e"))
                .post(SharedSandbox.url(Service.AUTH) + "/v1/admin/accounts/" + account.username() + "/suspicious-activity")
                .then().statusCode(200);
        browser.get(app + "/account");
        signInWithPassword(account.username());
        chrome.waitForText("error", "Incorrect username or password.");
        chrome.screenshot("quarkus-app-7-locked-account");
        assertTrue(browser.getCurrentUrl().contains("/oauth2/login/"), browser.getCurrentUrl());
    }

    /** A new account signed in to the app with its SMS code. */
    private Lockstep.Account signedIn() {
        Lockstep.Account account = newAccount();
        browser.get(app + "/account");
        signInWithPassword(account.username());
        chrome.type("code", nthCode(account.phone(), 1));
        chrome.click("verify");
        chrome.waitForText("username", account.username());
        return account;
    }

    private void signInWithPassword(String username) {
        chrome.type("username", username);
        chrome.type("password", PASSWORD);
        chrome.click("continue");
    }
}
