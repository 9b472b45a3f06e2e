package dev.lockstep.containers;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lockstep.testcontainers.LockstepClient;
import dev.lockstep.testcontainers.LockstepSandbox;
import dev.lockstep.testcontainers.LockstepSandbox.Service;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The sandbox as its images, started once for these tests (unique accounts and phones keep them
 * apart): the SMS-code login in containers, a broker outage between login and code issuance,
 * services killed and restarted with their data, a scenario, and the OpenID Connect provider at the
 * issuer the test reaches it by, over HTTP and over HTTPS trusting the CA the image made.
 */
@ExtendWith(RequiresDocker.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContainerTierIT {

    private static final String PASSWORD = "correct horse battery staple";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static LockstepSandbox sandbox;
    private static LockstepClient lockstep;

    @BeforeAll
    static void start() {
        sandbox = new LockstepSandbox();
        sandbox.start();
        lockstep = sandbox.client();
    }

    /** On a failure, the services' own words: the last lines of each container's output. */
    @RegisterExtension
    static final TestWatcher LOGS = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (sandbox == null) {
                return;
            }
            for (Service service : Service.values()) {
                String log = sandbox.logs(service);
                System.err.println("---- " + service.containerName() + " (last lines)\n"
                        + log.substring(Math.max(0, log.length() - 6000)));
            }
        }
    };

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.stop();
        }
    }

    private static String uniquePhone() {
        return "+8190" + ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
    }

    private static String uniqueUser() {
        return "tc-" + UUID.randomUUID().toString().substring(0, 12);
    }

    @Test
    @Order(1)
    void anSmsCodeLoginWorksEndToEndInContainers() {
        String user = uniqueUser();
        String phone = uniquePhone();
        lockstep.createAccount(user, PASSWORD, phone);

        assertEquals(401, lockstep.loginReply(user, "wrong password").status());
        String login = lockstep.login(user, PASSWORD);
        LockstepClient.Message sms = lockstep.awaitMessage(phone, Duration.ofSeconds(30));
        assertTrue(sms.code().matches("\\d{6}"), sms.text());

        assertEquals(401, lockstep.verifyReply(login, sms.code().equals("000000") ? "111111" : "000000").status());
        LockstepClient.Tokens tokens = lockstep.verify(login, sms.code());
        assertEquals(3, tokens.accessToken().split("\\.").length);
        JsonNode jwks = lockstep.call("GET", Service.AUTH, "/.well-known/jwks.json", null, null).body();
        assertEquals("RS256", jwks.get("keys").get(0).get("alg").asText());
    }

    @Test
    @Order(2)
    void aCodeIssuedWhileTheBrokerIsDownArrivesOnceItIsBack() throws InterruptedException {
        String user = uniqueUser();
        String phone = uniquePhone();
        lockstep.createAccount(user, PASSWORD, phone);

        sandbox.stopBroker();
        String login;
        try {
            // The login is answered; its event waits in auth-service's outbox.
            login = lockstep.login(user, PASSWORD);
            await("no code can travel while the broker is down").during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(10)).until(() -> lockstep.call("GET", Service.SIM,
                            "/v1/phones/" + phone.replace("+", "%2B") + "/messages", null, null).body().isEmpty());
        } finally {
            sandbox.startBroker();
        }
        LockstepClient.Message sms = lockstep.awaitMessage(phone, Duration.ofSeconds(90));
        assertEquals(3, lockstep.verify(login, sms.code()).accessToken().split("\\.").length);
    }

    @Test
    @Order(3)
    void servicesKilledAndRestartedKeepTheirData() {
        String locked = uniqueUser();
        lockstep.createAccount(locked, PASSWORD, uniquePhone());
        JsonNode before = lockstep.reportSuspiciousActivity(locked, "container test");
        assertNotEquals("ACTIVE", before.get("status").asText());

        String user = uniqueUser();
        String phone = uniquePhone();
        lockstep.createAccount(user, PASSWORD, phone);
        String first = lockstep.login(user, PASSWORD);
        LockstepClient.Message firstCode = lockstep.awaitMessage(phone, Duration.ofSeconds(30));
        lockstep.verify(first, firstCode.code());

        sandbox.crashAndRestart(Service.AUTH);
        JsonNode after = lockstep.account(locked);
        assertEquals(before.get("status").asText(), after.get("status").asText(), "the lock survives a crash");
        assertEquals(before.get("lockReason").asText(), after.get("lockReason").asText());
        assertEquals(401, lockstep.loginReply(locked, PASSWORD).status(), "still locked after the restart");

        sandbox.crashAndRestart(Service.SIM);
        JsonNode inbox = lockstep.call("GET", Service.SIM, "/v1/phones/" + phone.replace("+", "%2B") + "/messages",
                null, null).body();
        assertEquals(firstCode.id(), inbox.get(0).get("id").asText(), "the inbox survives a crash");

        sandbox.crashAndRestart(Service.OTP);
        // The trusted phone (kept by otp-service) still gets a code that works.
        String second = lockstep.login(user, PASSWORD);
        LockstepClient.Message secondCode = lockstep.awaitMessage(phone, Duration.ofSeconds(60));
        assertNotEquals(firstCode.id(), secondCode.id());
        assertEquals(3, lockstep.verify(second, secondCode.code()).accessToken().split("\\.").length);
        assertThrows(LockstepClient.LockstepException.class, () -> lockstep.verify(second, secondCode.code()),
                "a code works once, also after a restart");
    }

    @Test
    @Order(4)
    void aScenarioFileDrivesTheServicesInsideTheContainerNetwork() throws IOException {
        String s0 = Files.readString(Path.of(
                "../sms-gateway-sim/src/main/resources/scenarios/s0-locked-and-no-code.yaml"));
        JsonNode report = lockstep.loadScenario(s0, true);
        assertTrue(report.get("passed").asBoolean(), report.toString());
        assertEquals("LOCKED", lockstep.account("aiko").get("status").asText());
    }

    @Test
    @Order(5)
    void theProviderAnswersAtItsIssuerOverHttpAndOverHttpsTrustingTheSandboxCa() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        JsonNode discovery = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(sandbox.issuer()
                + "/.well-known/openid-configuration")).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertEquals(sandbox.issuer(), discovery.get("issuer").asText());

        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream pem = Files.newInputStream(sandbox.caFile())) {
            trusted.setCertificateEntry("lockstep-ca", CertificateFactory.getInstance("X.509").generateCertificate(pem));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        HttpClient https = HttpClient.newBuilder().sslContext(tls).build();
        JsonNode secure = JSON.readTree(https.send(HttpRequest.newBuilder(URI.create(sandbox.httpsIssuer()
                + "/.well-known/openid-configuration")).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertEquals(sandbox.httpsIssuer(), secure.get("issuer").asText());
        assertEquals(sandbox.httpsIssuer() + "/oauth2/token", secure.get("token_endpoint").asText());

        // a registered application gets tokens whose iss is the issuer it used; a fault rule breaks that once
        LockstepClient.OidcClient app = lockstep.registerClient(LockstepClient.map("name", "container test",
                "grantTypes", List.of("client_credentials")));
        lockstep.addIdpFaultRule(
                LockstepClient.map("match", LockstepClient.map("endpoint", "token", "clientId", app.clientId()),
                        "effect", LockstepClient.map("type", "fail", "status", 503), "trigger", LockstepClient.map("next", 1)));
        HttpRequest tokenRequest = HttpRequest.newBuilder(URI.create(sandbox.httpsIssuer() + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (app.clientId() + ":" + app.clientSecret()).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        assertEquals(503, https.send(tokenRequest, HttpResponse.BodyHandlers.ofString()).statusCode());
        HttpResponse<String> tokens = https.send(tokenRequest, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, tokens.statusCode(), tokens.body());
        String payload = JSON.readTree(tokens.body()).get("access_token").asText().split("\\.")[1];
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(payload));
        assertEquals(sandbox.httpsIssuer(), claims.get("iss").asText());
    }
}
