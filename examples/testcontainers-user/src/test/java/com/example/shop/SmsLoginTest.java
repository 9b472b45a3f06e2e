package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockstep.testcontainers.LockstepClient;
import dev.lockstep.testcontainers.LockstepSandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SmsLoginTest {

    static LockstepSandbox sandbox = new LockstepSandbox();

    @BeforeAll
    static void startLockstep() {
        sandbox.start();
    }

    @AfterAll
    static void stopLockstep() {
        sandbox.stop();
    }

    @Test
    void theUserSignsInWithTheSecondCodeWhenTheFirstIsLost() {
        LockstepClient lockstep = sandbox.client();
        lockstep.createAccount("alice", "correct horse battery staple", "+819012345678");
        lockstep.dropNextMessageTo("+819012345678"); // the first code never arrives

        String login = lockstep.login("alice", "correct horse battery staple");
        lockstep.resend(login); // "send me another code"
        LockstepClient.Message sms = lockstep.awaitMessage("+819012345678", Duration.ofSeconds(30));

        LockstepClient.Tokens tokens = lockstep.verify(login, sms.code());
        assertNotNull(tokens.accessToken());
        assertEquals(3, tokens.accessToken().split("\\.").length); // a signed JWT
    }

    @Test
    void myAppGetsAnIssuerAClientAndTheCaToTrust() throws IOException {
        LockstepClient.OidcClient app = sandbox.client().registerClient(
                LockstepClient.map("redirectUris", List.of("http://localhost:8080/callback")));
        // configure the app under test with these, e.g. quarkus.oidc.auth-server-url=sandbox.httpsIssuer()
        String issuer = sandbox.httpsIssuer();
        Path caToTrust = sandbox.caFile();
        assertEquals(sandbox.issuer(), sandbox.client().call("GET", LockstepSandbox.Service.AUTH,
                "/.well-known/openid-configuration", null, null).body().get("issuer").asText());
        assertTrue(issuer.startsWith("https://") && Files.size(caToTrust) > 0 && app.clientSecret() != null);
    }
}
