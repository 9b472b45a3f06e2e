package dev.lockstep.e2e;

import static dev.lockstep.e2e.support.Lockstep.PASSWORD;
import static dev.lockstep.e2e.support.Lockstep.login;
import static dev.lockstep.e2e.support.Lockstep.newAccount;
import static dev.lockstep.e2e.support.Lockstep.nthCode;
import static dev.lockstep.e2e.support.Lockstep.verify;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockstep.e2e.support.Lockstep;
import dev.lockstep.e2e.support.SharedSandbox;
import dev.lockstep.launcher.Service;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every service's {@code /q/metrics}: the domain's counters move with what happens (other tests run alongside, so by at least).
 */
@ExtendWith(SharedSandbox.class)
class MetricsIT {

    @Test
    void aLoginWithAWrongThenARightCodeMovesTheCountersOfEveryServiceOnTheWay() {
        Map<Service, String> before = Map.of(Service.AUTH, scrape(Service.AUTH), Service.OTP, scrape(Service.OTP),
                Service.SIM, scrape(Service.SIM));
        Lockstep.Account account = newAccount();
        assertEquals(401, login(account.username(), "not the password").statusCode());
        Response opened = login(account.username(), PASSWORD);
        assertEquals(200, opened.statusCode(), opened.asString());
        String code = nthCode(account.phone(), 1);
        String wrong = code.equals("000000") ? "111111" : "000000";
        assertEquals(401, verify(opened.path("challengeId"), wrong).statusCode());
        assertEquals(200, verify(opened.path("challengeId"), code).statusCode());

        await("the counters").atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String auth = scrape(Service.AUTH);
            assertGrew(before.get(Service.AUTH), auth, "lockstep_login_attempts_total{outcome=\"wrong-password\"}", 1);
            assertGrew(before.get(Service.AUTH), auth, "lockstep_login_attempts_total{outcome=\"password-ok\"}", 1);
            assertGrew(before.get(Service.AUTH), auth, "lockstep_logins_total{outcome=\"failed\",reason=\"code-invalid\"}", 1);
            assertGrew(before.get(Service.AUTH), auth, "lockstep_logins_total{outcome=\"succeeded\",reason=\"none\"}", 1);
            String otp = scrape(Service.OTP);
            assertGrew(before.get(Service.OTP), otp, "lockstep_codes_issued_total{channel=\"sms\"}", 1);
            assertGrew(before.get(Service.OTP), otp, "lockstep_codes_checked_total{outcome=\"invalid\"}", 1);
            assertGrew(before.get(Service.OTP), otp, "lockstep_codes_checked_total{outcome=\"valid\"}", 1);
            assertGrew(before.get(Service.OTP), otp,
                    "lockstep_events_handled_seconds_count{outcome=\"handled\",type=\"lockstep.login.challenge-created.v1\"}",
                    1);
            String sim = scrape(Service.SIM);
            assertGrew(before.get(Service.SIM), sim, "lockstep_messages_status_total{error_code=\"none\",status=\"delivered\"}",
                    1);
        });
        for (Service service : Service.values()) {
            String metrics = scrape(service);
            assertTrue(metrics.contains("\nlockstep_outbox_pending "), service + " reports its outbox");
            assertTrue(metrics.contains("\nkafka_consumer_fetch_manager_records_lag_max{"), service + " reports consumer lag");
        }
    }

    private static String scrape(Service service) {
        return given().get(SharedSandbox.url(service) + "/q/metrics").then().statusCode(200).extract().asString();
    }

    /** {@code series}' value grew by at least {@code by} (absent counts as 0). */
    private static void assertGrew(String before, String after, String series, double by) {
        double was = value(before, series);
        double is = value(after, series);
        assertTrue(is - was >= by, series + " went from " + was + " to " + is);
    }

    private static double value(String metrics, String series) {
        for (String line : metrics.split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).split(" ")[0]);
            }
        }
        return 0;
    }
}
