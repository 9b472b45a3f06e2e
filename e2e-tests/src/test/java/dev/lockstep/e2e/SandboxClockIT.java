package dev.lockstep.e2e;

import static dev.lockstep.e2e.support.Lockstep.challenge;
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
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One virtual clock for the whole sandbox; only ever moved forward here, so other tests are unaffected. */
@ExtendWith(SharedSandbox.class)
@Order(2)
class SandboxClockIT {

    private static Response advance(String amount) {
        return given().header("Authorization", Lockstep.admin()).contentType(ContentType.JSON)
                .body("{\"advance\":\"" + amount + "\"}")
                .post(SharedSandbox.url(Service.SIM) + "/v1/clock");
    }

    private static long revision(Service service) {
        return ((Number) given().get(SharedSandbox.url(service) + "/v1/clock").path("revision")).longValue();
    }

    @Test
    void aClockChangeReachesEveryServiceWithinASecond() {
        Instant before = Instant.parse(given().get(SharedSandbox.url(Service.SIM) + "/v1/clock").path("now"));
        Response changed = advance("PT1H");
        assertEquals(200, changed.statusCode(), changed.asString());
        long revision = ((Number) changed.path("revision")).longValue();

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
            for (Service service : Service.values()) {
                if (revision(service) < revision) {
                    return false;
                }
            }
            return true;
        });
        Instant simNow = Instant.parse(given().get(SharedSandbox.url(Service.SIM) + "/v1/clock").path("now"));
        assertTrue(Duration.between(before, simNow).compareTo(Duration.ofHours(1)) >= 0, "moved to " + simNow);
        for (Service service : Service.values()) {
            Instant now = Instant.parse(given().get(SharedSandbox.url(service) + "/v1/clock").path("now"));
            assertTrue(Duration.between(simNow, now).abs().compareTo(Duration.ofSeconds(1)) < 0,
                    service + " shows " + now + ", the simulator " + simNow);
        }
    }

    @Test
    void aCodeUsedAfterItsTenMinutesIsGoneWith410() {
        Lockstep.Account account = newAccount();
        String challengeId = challenge(account);
        String code = nthCode(account.phone(), 1);
        long revision = ((Number) advance("PT11M").path("revision")).longValue();
        await().atMost(Duration.ofSeconds(10)).until(() -> revision(Service.OTP) >= revision
                && revision(Service.AUTH) >= revision);

        Response late = verify(challengeId, code);
        assertEquals(410, late.statusCode(), late.asString());
        assertEquals("tag:lockstep.dev,2026:problem:code-expired", late.path("type"));
    }

    @Test
    void onlyTheSimulatorChangesTheClockAndOnlyWithTheAdminToken() {
        given().contentType(ContentType.JSON).body("{\"advance\":\"P1D\"}")
                .post(SharedSandbox.url(Service.SIM) + "/v1/clock").then().statusCode(401);
        given().header("Authorization", Lockstep.admin()).contentType(ContentType.JSON).body("{\"advance\":\"P1D\"}")
                .post(SharedSandbox.url(Service.AUTH) + "/v1/clock").then().statusCode(405)
                .body("type", Matchers.equalTo("tag:lockstep.dev,2026:problem:clock-owned-elsewhere"));
    }
}
