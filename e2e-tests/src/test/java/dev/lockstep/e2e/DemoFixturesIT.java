package dev.lockstep.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lockstep.e2e.support.Lockstep;
import dev.lockstep.e2e.support.SharedSandbox;
import dev.lockstep.launcher.Launcher;
import dev.lockstep.launcher.Service;
import io.restassured.response.Response;
import java.time.Duration;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The demo account that {@code ./lockstep up} prints survives what a trainer or a QA run does to the
 * sandbox: a reset makes it again (password and trusted phone, and the demo client stays), a scenario
 * keeps it beside its own accounts, and only {@code keepDemo=false} leaves the sandbox empty.
 */
@ExtendWith(SharedSandbox.class)
@Order(19)
class DemoFixturesIT {

    private static final String SIM = "/v1/sandbox";

    private static Response reset(String query) {
        return given().header("Authorization", Lockstep.admin()).post(SharedSandbox.url(Service.SIM) + SIM + "/reset" + query);
    }

    private static int demoAccount() {
        return given().header("Authorization", Lockstep.admin())
                .get(SharedSandbox.url(Service.AUTH) + "/v1/admin/accounts/" + Launcher.DEMO_USER).statusCode();
    }

    /** The demo account signs in as the README says: its password, then the code on its phone. */
    private static void demoSignsIn() {
        int before = Lockstep.inbox(Launcher.DEMO_PHONE).size();
        Response login = Lockstep.login(Launcher.DEMO_USER, Launcher.DEMO_PASSWORD);
        assertEquals(200, login.statusCode(), login.asString());
        assertEquals("MFA_REQUIRED", login.path("status"));
        String code = Lockstep.nthCode(Launcher.DEMO_PHONE, before + 1, Duration.ofSeconds(20));
        assertEquals(200, Lockstep.verify(login.path("challengeId"), code).statusCode());
    }

    @Test
    void aResetMakesTheDemoAccountAgainWithItsPasswordAndTrustedPhone() {
        reset("").then().statusCode(204);

        assertEquals(200, demoAccount(), "the demo account is there right after the reset");
        demoSignsIn();
        given().header("Authorization", Lockstep.admin()).get(SharedSandbox.url(Service.AUTH) + "/v1/admin/clients")
                .then().statusCode(200).body("findAll { it.clientId == 'lockstep-demo' }.size()", equalTo(1));
    }

    @Test
    void keepDemoFalseLeavesTheSandboxEmptyUntilTheDemoIsAskedFor() {
        reset("?keepDemo=false").then().statusCode(204);
        assertEquals(404, demoAccount());

        given().header("Authorization", Lockstep.admin()).post(SharedSandbox.url(Service.SIM) + SIM + "/demo")
                .then().statusCode(200).body("clientId", equalTo("lockstep-demo"))
                .body("account.username", equalTo(Launcher.DEMO_USER)).body("account.phone", equalTo(Launcher.DEMO_PHONE));
        demoSignsIn();
    }

    @Test
    void aScenarioKeepsTheDemoAccountBesideItsOwn() {
        given().header("Authorization", Lockstep.admin())
                .post(SharedSandbox.url(Service.SIM) + "/v1/scenarios/s3-new-pc-no-sms-abroad.yaml/load")
                .then().statusCode(200);

        assertEquals(200, demoAccount());
        demoSignsIn();
    }

    @Test
    void aBadKeepDemoIsAProblemThatResetsNothing() {
        assertEquals(200, demoAccount());
        Lockstep.Account account = Lockstep.newAccount();

        reset("?keepDemo=maybe").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("tag:lockstep.dev,2026:problem:invalid-query"));

        given().header("Authorization", Lockstep.admin())
                .get(SharedSandbox.url(Service.AUTH) + "/v1/admin/accounts/" + account.username()).then().statusCode(200);
        given().post(SharedSandbox.url(Service.SIM) + SIM + "/reset").then().statusCode(401);
    }
}
