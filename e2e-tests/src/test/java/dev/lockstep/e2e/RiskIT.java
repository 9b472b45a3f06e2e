package dev.lockstep.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lockstep.e2e.support.Lockstep;
import dev.lockstep.e2e.support.SharedSandbox;
import dev.lockstep.launcher.Service;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The risk engine on the real broker and simulator: a SIM swap reported by the simulated network
 * raises the next login's risk, and Madrid an hour (of sandbox time) after Tokyo is impossible travel.
 */
@ExtendWith(SharedSandbox.class)
@Order(15)
class RiskIT {

    private static void risk(String body) {
        given().header("Authorization", Lockstep.admin()).contentType(ContentType.JSON).body(body)
                .put(SharedSandbox.url(Service.AUTH) + "/v1/admin/risk").then().statusCode(200);
    }

    @AfterEach
    void riskOff() {
        risk("{\"enabled\":false,\"actions\":{\"high\":\"block\"}}");
    }

    private static Response login(Lockstep.Account account, String ip) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", ip)
                .body(Map.of("username", account.username(), "password", Lockstep.PASSWORD))
                .post(SharedSandbox.url(Service.AUTH) + "/v1/login");
    }

    private static Response view(Lockstep.Account account) {
        return given().header("Authorization", Lockstep.admin())
                .get(SharedSandbox.url(Service.AUTH) + "/v1/admin/accounts/" + account.username());
    }

    @Test
    void aSimSwapOnTheSimulatedNetworkRaisesTheNextLoginsRisk() {
        risk("{\"enabled\":true}");
        Lockstep.Account account = Lockstep.newAccount();
        assertEquals(200, login(account, "203.0.113.20").statusCode());
        view(account).then().body("recentAttempts[0].riskLevel", equalTo("low"));

        given().header("Authorization", Lockstep.admin()).contentType(ContentType.JSON).body("{\"sim\":\"swapped\"}")
                .put(SharedSandbox.url(Service.SIM) + "/v1/phones/" + account.phone()).then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            login(account, "203.0.113.20");
            List<String> signals = view(account).jsonPath().getList("recentAttempts[0].signals");
            return signals.contains("sim-swap");
        });
        view(account).then().body("recentAttempts[0].riskLevel", equalTo("medium"))
                .body("recentAttempts[0].action", equalTo("require-mfa"));
    }

    @Test
    void madridAnHourAfterTokyoIsImpossibleTravelAndLocksTheAccountAsConfigured() {
        risk("{\"enabled\":true,\"actions\":{\"high\":\"lock\"}}");
        Lockstep.Account account = Lockstep.newAccount();
        assertEquals(200, login(account, "203.0.113.21").statusCode());

        given().header("Authorization", Lockstep.admin()).contentType(ContentType.JSON).body("{\"advance\":\"PT1H\"}")
                .post(SharedSandbox.url(Service.SIM) + "/v1/clock").then().statusCode(200);
        long revision = given().get(SharedSandbox.url(Service.SIM) + "/v1/clock").jsonPath().getLong("revision");
        await().atMost(Duration.ofSeconds(10)).until(() -> SharedSandbox.sandbox().authUrls().stream()
                .allMatch(url -> given().get(url + "/v1/clock").jsonPath().getLong("revision") == revision));

        Response madrid = login(account, "198.51.100.21");
        assertEquals(401, madrid.statusCode(), "answered like a wrong password");
        view(account).then().body("status", equalTo("LOCKED")).body("lockReason", equalTo("risk-high"))
                .body("recentAttempts[0].country", equalTo("ES"))
                .body("recentAttempts[0].signals", hasItems("new-country", "impossible-travel"));
        given().header("Authorization", Lockstep.admin())
                .get(SharedSandbox.url(Service.AUTH) + "/v1/admin/accounts/" + account.username() + "/audit")
                .then().body("action", hasItem("account.risk-lock"));
    }
}
