package dev.lockstep.e2e;

import static dev.lockstep.e2e.Lockstep.challenge;
import static dev.lockstep.e2e.Lockstep.inbox;
import static dev.lockstep.e2e.Lockstep.newAccount;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lockstep.launcher.Service;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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

    private static final DateTimeFormatter OATHTOOL_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    @BeforeAll
    static void oathtoolIsThere() {
        boolean installed = System.getenv("PATH") != null && List.of(System.getenv("PATH").split(":")).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "oathtool")));
        if (System.getenv("LOCKSTEP_REQUIRE_OATHTOOL") != null) {
            assertTrue(installed, "oathtool is required here (LOCKSTEP_REQUIRE_OATHTOOL) but not on the PATH");
        }
        assumeTrue(installed, "oathtool is not installed (Debian: apt-get install oathtool)");
    }

    /** The code oathtool computes for a base32 secret at a sandbox-clock instant. */
    private static String oathtool(String secret, Instant at) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("oathtool", "--totp", "-b", "-N", OATHTOOL_TIME.format(at), secret)
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(process.waitFor(10, TimeUnit.SECONDS), "oathtool did not finish");
        assertEquals(0, process.exitValue(), out);
        return out;
    }

    private static Instant sandboxNow() {
        return Instant.parse(given().get(SharedSandbox.url(Service.SIM) + "/v1/clock").then().extract().path("now"));
    }

    @Test
    void anOathtoolCodeEnrolsTheAppSignsInOnceAndIsRefusedTheSecondTime() throws Exception {
        Lockstep.Account account = newAccount();
        String otp = SharedSandbox.url(Service.OTP) + "/v1/admin/accounts/" + account.id() + "/totp";
        Map<String, Object> enrolment = given().header("Authorization", Lockstep.admin()).contentType(ContentType.JSON)
                .body(Map.of("label", account.username())).post(otp).then().statusCode(201).extract().jsonPath().getMap("$");
        String secret = (String) enrolment.get("secret");
        Instant now = sandboxNow();
        given().header("Authorization", Lockstep.admin()).contentType(ContentType.JSON)
                .body(Map.of("code", oathtool(secret, now)))
                .post(otp + "/" + enrolment.get("factorId") + "/confirm").then().statusCode(200)
                .body("status", equalTo("active"));

        String challengeId = challenge(account);
        // the confirming code's step is spent; the app's next code is within the allowed drift
        String code = oathtool(secret, sandboxNow().plusSeconds(30));
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
