package dev.lockstep.e2e;

import static dev.lockstep.e2e.support.Lockstep.PASSWORD;
import static dev.lockstep.e2e.support.Lockstep.admin;
import static dev.lockstep.e2e.support.Lockstep.newAccount;
import static dev.lockstep.e2e.support.Lockstep.nthCode;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lockstep.e2e.support.Lockstep;
import dev.lockstep.e2e.support.SharedSandbox;
import dev.lockstep.launcher.Service;
import io.restassured.http.ContentType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A Node application built on openid-client ({@code examples/node-app}, npm, pinned by its lockfile)
 * signs a user in through Lockstep over HTTPS, trusting the sandbox's CA through
 * {@code NODE_EXTRA_CA_CERTS} and nothing else: the hosted login with the SMS code, a refresh, and
 * RP-initiated logout. Skipped without Node and npm, unless {@code LOCKSTEP_REQUIRE_NODE} is set
 * (as in CI).
 */
@ExtendWith(SharedSandbox.class)
@Order(22)
class NodeAppIT {

    private static final Path APP = Path.of(System.getProperty("lockstep.home", "..")).resolve("examples/node-app");
    private static final Pattern FORM = Pattern.compile("action=\"(/oauth2/login/[A-Za-z0-9_-]{43})/password\"");

    private static Process node;
    private static String app;

    @BeforeAll
    static void startTheApp() throws Exception {
        boolean installed = Lockstep.onPath("node") && Lockstep.onPath("npm");
        if (System.getenv("LOCKSTEP_REQUIRE_NODE") != null) {
            assertTrue(installed, "LOCKSTEP_REQUIRE_NODE is set but node or npm is not on the PATH");
        }
        assumeTrue(installed, "Node is not installed: the openid-client application is skipped");
        if (!Files.isDirectory(APP.resolve("node_modules/openid-client"))) {
            run(List.of("npm", "ci", "--no-audit", "--no-fund"));
        }
        int port = Lockstep.freePort();
        app = "http://127.0.0.1:" + port;
        String clientId = given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body(Map.of("public", true, "name", "node app", "redirectUris", List.of(app + "/callback"),
                        "postLogoutRedirectUris", List.of(app + "/bye")))
                .post(SharedSandbox.url(Service.AUTH) + "/v1/admin/clients").then().statusCode(201).extract().path("clientId");
        ProcessBuilder builder = new ProcessBuilder("node", "app.mjs").directory(APP.toFile()).redirectErrorStream(true);
        builder.environment().putAll(Map.of("ISSUER", SharedSandbox.httpsUrl(Service.AUTH), "CLIENT_ID", clientId,
                "PORT", String.valueOf(port), "NODE_EXTRA_CA_CERTS", SharedSandbox.sandbox().caFile().toString()));
        node = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
        // Node may print warnings first (stderr is merged in); the app says when it listens
        StringBuilder seen = new StringBuilder();
        String line = out.readLine();
        for (int lines = 0; line != null && !line.startsWith("listening on") && lines < 50; lines++) {
            seen.append(line).append('\n');
            line = out.readLine();
        }
        assertTrue(line != null && line.startsWith("listening on"), "the Node app did not start:\n" + seen);
        Thread echo = new Thread(() -> out.lines().forEach(l -> System.out.println("[node-app] " + l)), "node-app-output");
        echo.setDaemon(true);
        echo.start();
    }

    @AfterAll
    static void stopTheApp() throws InterruptedException {
        if (node != null) {
            node.destroy();
            node.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theOpenidClientAppSignsInWithAnSmsCodeRefreshesAndLogsOut() throws Exception {
        Lockstep.Account account = newAccount();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .sslContext(SharedSandbox.trustingTheSandboxCa()).followRedirects(HttpClient.Redirect.NEVER).build();

        // the app sends the browser to Lockstep's HTTPS authorization endpoint, which opens the hosted login
        HttpResponse<String> page = follow(browser, get(browser, URI.create(app + "/login")));
        Matcher form = FORM.matcher(page.body());
        assertTrue(form.find(), page.body());
        String login = SharedSandbox.httpsUrl(Service.AUTH) + form.group(1);
        HttpResponse<String> codePage = post(browser, login + "/password",
                Map.of("username", account.username(), "password", PASSWORD));
        assertTrue(codePage.body().contains("text message"), codePage.body());
        HttpResponse<String> signedIn = follow(browser, post(browser, login + "/code",
                Map.of("code", nthCode(account.phone(), 1))));
        assertEquals(200, signedIn.statusCode(), signedIn.body());
        assertTrue(signedIn.body().contains("\"username\":\"" + account.username() + "\""), signedIn.body());
        assertTrue(signedIn.body().contains("\"sms\""), signedIn.body());

        HttpResponse<String> refreshed = get(browser, URI.create(app + "/refresh"));
        assertEquals(200, refreshed.statusCode(), refreshed.body());
        assertTrue(refreshed.body().contains("\"refreshed\":true"), refreshed.body());

        HttpResponse<String> bye = follow(browser, get(browser, URI.create(app + "/logout")));
        assertTrue(bye.body().contains("\"signedOut\":true"), bye.body());
        given().header("Authorization", admin()).get(SharedSandbox.url(Service.AUTH) + "/v1/admin/accounts/"
                + account.username() + "/sessions").then().statusCode(200).body("$", hasSize(0));
    }

    private static HttpResponse<String> follow(HttpClient browser, HttpResponse<String> response) throws Exception {
        for (int hops = 0; hops < 10 && response.statusCode() / 100 == 3; hops++) {
            response = get(browser, response.uri().resolve(response.headers().firstValue("Location").orElseThrow()));
        }
        return response;
    }

    private static HttpResponse<String> get(HttpClient browser, URI uri) throws Exception {
        return browser.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(HttpClient browser, String url, Map<String, String> form) throws Exception {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return browser.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(APP.toFile()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(180, TimeUnit.SECONDS), "npm ci did not finish");
        assertEquals(0, process.exitValue(), out);
    }
}
