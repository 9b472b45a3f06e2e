package dev.lockstep.e2e;

import static dev.lockstep.e2e.support.Lockstep.challenge;
import static dev.lockstep.e2e.support.Lockstep.inbox;
import static dev.lockstep.e2e.support.Lockstep.newAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockstep.e2e.support.Lockstep;
import dev.lockstep.e2e.support.Oathtool;
import dev.lockstep.e2e.support.SharedSandbox;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An authenticator app, played by {@code oathtool} (an independent RFC 6238 implementation), on the
 * sandbox clock. Without oathtool installed the test is skipped, unless
 * {@code LOCKSTEP_REQUIRE_OATHTOOL} is set (as {@code .ci/run} does): then it fails.
 */
@ExtendWith(SharedSandbox.class)
@Order(8)
class TotpLoginIT {

    @BeforeAll
    static void oathtoolIsThere() {
        Oathtool.requireInstalled();
    }

    @Test
    void anOathtoolCodeEnrolsTheAppSignsInOnceAndIsRefusedTheSecondTime() throws Exception {
        Lockstep.Account account = newAccount();
        Oathtool.App app = Oathtool.enrol(account);

        String challengeId = challenge(account);
        // the confirming code's step is spent; the app's next code is within the allowed drift
        String code = Oathtool.code(app.secret(), Oathtool.sandboxNow().plusSeconds(30));
        Response signedIn = Lockstep.verify(challengeId, code);
        assertEquals(200, signedIn.statusCode(), signedIn.asString());
        String payload = signedIn.path("access_token").toString().split("\\.")[1];
        assertTrue(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8)
                .contains("\"amr\":[\"pwd\",\"otp\"]"));

        Response replay = Lockstep.verify(challenge(account), code);
        assertEquals(401, replay.statusCode(), replay.asString());
        assertEquals("tag:lockstep.dev,2026:problem:code-used", replay.path("type"));
        assertTrue(inbox(account.phone()).isEmpty(), "an SMS went out although the app was the factor");
    }
}
