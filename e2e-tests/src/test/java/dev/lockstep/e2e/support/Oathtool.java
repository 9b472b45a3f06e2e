package dev.lockstep.e2e.support;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lockstep.launcher.Service;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hamcrest.Matchers;

/**
 * An authenticator app, played by {@code oathtool} (an independent RFC 6238 implementation), on the
 * sandbox clock. Without oathtool installed a test that needs it is skipped, unless
 * {@code LOCKSTEP_REQUIRE_OATHTOOL} is set (as in CI).
 */
public final class Oathtool {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** The app's secret and factor id after enrolment. */
    public record App(String secret, String factorId) {
    }

    private Oathtool() {
    }

    /** Skips the calling test when oathtool is missing (fails it where it is required). */
    public static void requireInstalled() {
        boolean installed = Lockstep.onPath("oathtool");
        if (System.getenv("LOCKSTEP_REQUIRE_OATHTOOL") != null) {
            assertTrue(installed, "oathtool is required here (LOCKSTEP_REQUIRE_OATHTOOL) but not on the PATH");
        }
        assumeTrue(installed, "oathtool is not installed (Debian: apt-get install oathtool)");
    }

    /** The code oathtool computes for a base32 secret at a sandbox-clock instant. */
    public static String code(String secret, Instant at) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("oathtool", "--totp", "-b", "-N", TIME.format(at), secret)
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(process.waitFor(10, TimeUnit.SECONDS), "oathtool did not finish");
        assertEquals(0, process.exitValue(), out);
        return out;
    }

    public static Instant sandboxNow() {
        return Instant.parse(given().get(SharedSandbox.url(Service.SIM) + "/v1/clock").then().extract().path("now"));
    }

    /** Enrols an authenticator app for the account and confirms it with oathtool's current code. */
    public static App enrol(Lockstep.Account account) throws IOException, InterruptedException {
        String otp = SharedSandbox.url(Service.OTP) + "/v1/admin/accounts/" + account.id() + "/totp";
        Map<String, Object> enrolment = given().header("Authorization", Lockstep.admin()).contentType(ContentType.JSON)
                .body(Map.of("label", account.username())).post(otp).then().statusCode(201).extract().jsonPath().getMap("$");
        String secret = (String) enrolment.get("secret");
        given().header("Authorization", Lockstep.admin()).contentType(ContentType.JSON)
                .body(Map.of("code", code(secret, sandboxNow())))
                .post(otp + "/" + enrolment.get("factorId") + "/confirm").then().statusCode(200)
                .body("status", Matchers.equalTo("active"));
        return new App(secret, (String) enrolment.get("factorId"));
    }
}
