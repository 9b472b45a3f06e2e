package dev.lockstep.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lockstep.e2e.support.Lockstep;
import dev.lockstep.e2e.support.SharedSandbox;
import dev.lockstep.launcher.Directories;
import dev.lockstep.launcher.SandboxOptions;
import dev.lockstep.launcher.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two sandboxes side by side: {@code ./lockstep up --port-base 28081} runs next to the suite's own
 * sandbox, every one of its ports moved by the same amount, with data of its own; a third start on
 * the same base is refused before it starts anything, naming the port and the flag that moves it.
 * On the H2 run only (the second sandbox is the same either way).
 */
@ExtendWith(SharedSandbox.class)
@Order(98)
class SideBySideIT {

    private static final int BASE = 28081;

    private static Process up(Path dataDir, Path output) throws IOException {
        Path home = Path.of(System.getProperty("lockstep.home", "..")).toAbsolutePath().normalize();
        return new ProcessBuilder("bash", home.resolve("lockstep").toString(), "up", "--port-base", String.valueOf(BASE),
                "--data-dir", dataDir.toString()).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
    }

    @Test
    void aSecondSandboxOnAnotherPortBaseRunsBesideTheFirstAndAThirdOnTheSameBaseIsRefused() throws Exception {
        assumeTrue(SharedSandbox.DATABASE == SandboxOptions.Database.H2, "run on H2 only (see the class comment)");
        Path dir = Path.of("target/side-by-side").toAbsolutePath();
        Directories.deleteTree(dir);
        Files.createDirectories(dir);
        Path log = dir.resolve("up.log");
        Process second = up(dir.resolve("data"), log);
        try {
            await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(500))
                    .until(() -> Files.readString(log).contains("Lockstep is up") || !second.isAlive());
            String banner = Files.readString(log);
            assertTrue(second.isAlive() && banner.contains("Lockstep is up"), banner);
            for (String line : List.of("auth-service      http://127.0.0.1:28081", "otp-service       http://127.0.0.1:28082",
                    "sms-gateway-sim   http://127.0.0.1:28083", "recovery-service  http://127.0.0.1:28084",
                    "Kafka broker      127.0.0.1:29092", "and over HTTPS  https://127.0.0.1:28443")) {
                assertTrue(banner.contains(line), "the banner shows " + line + ":\n" + banner);
            }
            for (int port = BASE; port < BASE + 4; port++) {
                assertEquals(200, given().get("http://127.0.0.1:" + port + "/q/health/ready").statusCode());
            }
            // data of its own: an account of the suite's sandbox is unknown there, and the demo account is there
            String admin = Files.readString(dir.resolve("data/admin-token")).trim();
            Lockstep.Account account = Lockstep.newAccount();
            given().header("Authorization", "Bearer " + admin).get("http://127.0.0.1:28081/v1/admin/accounts/"
                    + account.username()).then().statusCode(404);
            given().header("Authorization", "Bearer " + admin).get("http://127.0.0.1:28081/v1/admin/accounts/demo")
                    .then().statusCode(200);
            assertEquals(200, given().get(SharedSandbox.url(Service.AUTH) + "/q/health/ready").statusCode());

            Path thirdLog = dir.resolve("third.log");
            Process third = up(dir.resolve("third"), thirdLog);
            assertTrue(third.waitFor(120, TimeUnit.SECONDS), "a start on taken ports ends by itself");
            String refusal = Files.readString(thirdLog);
            assertEquals(2, third.exitValue(), refusal);
            assertTrue(refusal.contains("127.0.0.1:28081 is already in use by pid ")
                    && refusal.contains("--port-base N (or LOCKSTEP_PORT_BASE=N)"), refusal);
        } finally {
            second.destroy(); // SIGTERM: the launcher stops what it started
            if (!second.waitFor(90, TimeUnit.SECONDS)) {
                second.destroyForcibly();
            }
        }
        assertEquals(200, given().get(SharedSandbox.url(Service.AUTH) + "/q/health/ready").statusCode(),
                "the suite's sandbox runs on");
    }
}
