package dev.lockstep.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockstep.e2e.support.Lockstep;
import dev.lockstep.e2e.support.SharedSandbox;
import dev.lockstep.launcher.Service;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scenario files on the real broker and services: the shipped S0 story passes every expectation, a
 * malformed file is refused with its line and changes nothing. (Loading resets the whole sandbox, so
 * this class runs late.)
 */
@ExtendWith(SharedSandbox.class)
@Order(16)
class ScenarioIT {

    private static Response load(String yaml, boolean run) {
        // UTF-8 said out loud: REST Assured's default for text is ISO-8859-1, which loses S4's full-width name
        return given().config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                .encodeContentTypeAs("application/yaml", ContentType.TEXT).defaultContentCharset("UTF-8")))
                .header("Authorization", Lockstep.admin()).contentType("application/yaml; charset=UTF-8").body(yaml)
                .queryParam("run", run).post(SharedSandbox.url(Service.SIM) + "/v1/scenarios");
    }

    private static Path scenarios() {
        return Path.of(System.getProperty("lockstep.home", "..")).resolve("sms-gateway-sim/src/main/resources/scenarios");
    }

    private static String shipped(String name) throws IOException {
        return Files.readString(scenarios().resolve(name));
    }

    @Test
    void everyShippedScenarioPlaysWithEveryExpectationMet() throws IOException {
        List<Path> files;
        try (var listing = Files.list(scenarios())) {
            files = listing.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(!files.isEmpty(), "scenarios are shipped");
        for (Path file : files) {
            load(Files.readString(file), true).then().log().ifValidationFails().statusCode(200)
                    .body("ran", equalTo(true)).body("steps.met", everyItem(equalTo(true))).body("passed", equalTo(true));
        }
    }

    @Test
    void storyS0LocksAikosAccountAndTellsHerByEmail() throws IOException {
        Response report = load(shipped("s0-locked-and-no-code.yaml"), true);
        report.then().log().ifValidationFails().statusCode(200).body("name", equalTo("s0-locked-and-no-code"))
                .body("steps", hasSize(8)).body("passed", equalTo(true));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            List<Map<String, Object>> mail = given()
                    .get(SharedSandbox.url(Service.SIM) + "/v1/mailboxes/aiko@example.jp/messages")
                    .then().statusCode(200).extract().jsonPath().getList("$");
            assertTrue(mail.stream().anyMatch(m -> String.valueOf(m.get("text")).contains("disabled your old password")),
                    "the owner is told by email: " + mail);
        });
    }

    @Test
    void aMalformedScenarioNamesItsLineAndChangesNothing() {
        Lockstep.Account before = Lockstep.newAccount();
        load("name: broken\naccounts:\n  - username: bob\n    password: \"a long password\"\n    phone: \"+819011112222\"\n"
                + "    colour: blue\n", true)
                .then().statusCode(400).body("type", equalTo("tag:lockstep.dev,2026:problem:invalid-scenario"))
                .body("line", equalTo(6));
        load("name: broken\nsteps:\n  - action: login\n    username: bob\n    password: x\n  - action: dance\n", true)
                .then().statusCode(400).body("line", equalTo(6));
        load("name: broken\nsteps:\n  - action: login\n    username: bob\n    password: x\n  - action: advance-clock\n"
                + "    by: tomorrow\n", true)
                .then().statusCode(400).body("line", equalTo(6)).body("step", equalTo(2));
        given().header("Authorization", Lockstep.admin())
                .get(SharedSandbox.url(Service.AUTH) + "/v1/admin/accounts/" + before.username()).then().statusCode(200);
    }

    @Test
    void loadingWithoutRunningLeavesTheStartingState() throws IOException {
        load(shipped("s0-locked-and-no-code.yaml"), false).then().statusCode(200)
                .body("ran", equalTo(false)).body("steps", hasSize(0)).body("accounts", equalTo(1));
        given().header("Authorization", Lockstep.admin())
                .get(SharedSandbox.url(Service.AUTH) + "/v1/admin/accounts/aiko").then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("recentAttempts", hasSize(0));
        given().header("Authorization", Lockstep.admin()).get(SharedSandbox.url(Service.AUTH) + "/v1/admin/audit")
                .then().statusCode(200).body("[0].action", equalTo("sandbox.reset"));
    }

    /**
     * Byte-for-byte replay: S1 with the clock frozen and codes seeded, played twice, gives the same
     * report and the same delivery log on the phone network — statuses, error codes, sandbox times,
     * texts and the codes themselves (ids aside, also in a text's link).
     */
    @Test
    void aSeededStoryOnAFrozenClockReplaysByteForByte() throws IOException {
        String replayable = shipped("s1-cannot-receive-codes.yaml")
                .replace("seed: 2026\n", "seed: 2026\nfrozenClock: true\nseededCodes: true\n");
        try {
            Response first = load(replayable, true);
            first.then().log().ifValidationFails().statusCode(200).body("passed", equalTo(true));
            List<String> firstLog = phoneNetworkLog();
            Response second = load(replayable, true);
            second.then().log().ifValidationFails().statusCode(200).body("passed", equalTo(true));
            List<String> secondLog = phoneNetworkLog();

            assertEquals(first.asString(), second.asString());
            assertEquals(firstLog, secondLog);
            assertTrue(firstLog.stream().filter(m -> m.contains("\"code\":\"")).count() >= 3,
                    "codes went out (login, recovery, sign-in): " + firstLog);
            assertTrue(firstLog.stream().anyMatch(m -> m.contains("\"errorCode\":")), "a text was lost: " + firstLog);
        } finally {
            given().header("Authorization", Lockstep.admin()).contentType(ContentType.JSON).body(Map.of("freeze", false))
                    .post(SharedSandbox.url(Service.SIM) + "/v1/clock").then().statusCode(200);
        }
    }

    /** The simulated network's delivery log (texts and calls) without ids, each entry as sorted JSON, in order. */
    private static List<String> phoneNetworkLog() {
        List<Map<String, Object>> log = given().get(SharedSandbox.url(Service.SIM) + "/v1/messages?limit=1000")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return log.stream().filter(m -> !"email".equals(m.get("channel"))).map(m -> {
            TreeMap<String, Object> kept = new TreeMap<>(m);
            kept.keySet().removeAll(List.of("id", "correlationId", "ruleId"));
            kept.values().removeIf(Objects::isNull);
            // a text may carry a link with a case id: ids differ between runs, everything else must not
            kept.computeIfPresent("text", (k, text) -> String.valueOf(text)
                    .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>"));
            return kept.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + (e.getValue() instanceof String
                    ? "\"" + e.getValue() + "\""
                    : e.getValue())).collect(Collectors.joining(",", "{", "}"));
        }).sorted().toList();
    }
}
