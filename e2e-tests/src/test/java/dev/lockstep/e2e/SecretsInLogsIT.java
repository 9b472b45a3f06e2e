package dev.lockstep.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockstep.e2e.support.Lockstep;
import dev.lockstep.e2e.support.SharedSandbox;
import dev.lockstep.launcher.Service;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * No secret in any log line: every secret a sandbox handles — a password (right and wrong), an SMS
 * code, access and refresh tokens, the admin and internal tokens, recovery codes, a recovery key, a
 * TOTP secret, a client secret — goes through the real services, and then none of them appears in
 * the broker's or any service's log. (The simulated inbox is where a code is meant to be read.)
 */
@ExtendWith(SharedSandbox.class)
@Order(99)
class SecretsInLogsIT {

    @Test
    void noSecretTheServicesHandledIsInTheirLogs() throws IOException {
        Map<String, String> secrets = new LinkedHashMap<>();
        String password = "pw-" + UUID.randomUUID();
        String username = "logs-" + UUID.randomUUID().toString().substring(0, 12);
        String phone = Lockstep.uniquePhone();
        String accountId = SharedSandbox.client().createAccount(Map.of("username", username, "password", password,
                "phone", phone));
        secrets.put("password", password);
        String wrong = "guess-" + UUID.randomUUID();
        secrets.put("wrong password", wrong);
        assertEquals(401, Lockstep.login(username, wrong).statusCode());

        Response challenge = Lockstep.login(username, password);
        assertEquals(200, challenge.statusCode(), challenge.asString());
        String code = Lockstep.nthCode(phone, 1);
        secrets.put("SMS code", code);
        Response tokens = Lockstep.verify(challenge.path("challengeId"), code);
        assertEquals(200, tokens.statusCode(), tokens.asString());
        secrets.put("access token", tokens.path("access_token"));
        secrets.put("refresh token", tokens.path("refresh_token"));
        secrets.put("admin token", SharedSandbox.ADMIN_TOKEN);
        secrets.put("internal token", SharedSandbox.INTERNAL_TOKEN);

        String otp = SharedSandbox.url(Service.OTP) + "/v1/admin/accounts/" + accountId;
        List<String> recoveryCodes = given().header("Authorization", Lockstep.admin()).post(otp + "/recovery-codes")
                .then().statusCode(201).extract().path("codes");
        secrets.put("recovery code", recoveryCodes.get(0));
        secrets.put("recovery key", given().header("Authorization", Lockstep.admin()).post(otp + "/recovery-key")
                .then().statusCode(201).extract().path("recoveryKey"));
        secrets.put("TOTP secret", given().header("Authorization", Lockstep.admin())
                .contentType(ContentType.JSON).body("{}").post(otp + "/totp")
                .then().statusCode(201).extract().path("secret"));
        secrets.put("client secret", given().header("Authorization", Lockstep.admin()).contentType(ContentType.JSON)
                .body(Map.of("redirectUris", List.of("http://127.0.0.1:9/cb")))
                .post(SharedSandbox.url(Service.AUTH) + "/v1/admin/clients").then().statusCode(201)
                .extract().path("clientSecret"));
        // a refresh token on the way in, too
        given().contentType(ContentType.JSON).body(Map.of("refresh_token", secrets.get("refresh token")))
                .post(SharedSandbox.url(Service.AUTH) + "/v1/token/refresh").then().statusCode(200);

        settled();
        List<String> found = new ArrayList<>();
        try (Stream<Path> logs = Files.list(SharedSandbox.logDirectory())) {
            for (Path log : logs.filter(p -> p.toString().endsWith(".log")).toList()) {
                String text = Files.readString(log, StandardCharsets.ISO_8859_1);
                secrets.forEach((what, secret) -> {
                    if (Pattern.compile("(?<![0-9A-Za-z])" + Pattern.quote(secret) + "(?![0-9A-Za-z])").matcher(text).find()) {
                        found.add(what + " in " + log.getFileName());
                    }
                });
            }
        }
        assertTrue(found.isEmpty(), "secrets in the logs: " + found);
    }

    /** Waits until no log grows for a second: what the services do after answering is written too. */
    private static void settled() {
        long[] last = { -1 };
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            long size = 0;
            try (Stream<Path> logs = Files.list(SharedSandbox.logDirectory())) {
                for (Path log : logs.toList()) {
                    size += Files.size(log);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            boolean same = size == last[0];
            last[0] = size;
            return same;
        });
    }
}
