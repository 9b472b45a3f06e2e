package dev.lockstep.e2e;

import static dev.lockstep.e2e.support.Lockstep.newAccount;
import static dev.lockstep.e2e.support.Lockstep.nthCode;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lockstep.contracts.CloudEvent;
import dev.lockstep.contracts.Events;
import dev.lockstep.contracts.LoginSucceeded;
import dev.lockstep.contracts.MfaModeChanged;
import dev.lockstep.contracts.Topic;
import dev.lockstep.e2e.support.Lockstep;
import dev.lockstep.e2e.support.SharedSandbox;
import dev.lockstep.launcher.Service;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The au story's way out (S3): support turns the second factor off, then on again; each step an event. */
@ExtendWith(SharedSandbox.class)
@Order(11)
class SupportActionsIT {

    private static void setMode(String username, String mode, String reason) {
        given().header("Authorization", Lockstep.admin()).header("X-Lockstep-Operator", "support-desk")
                .contentType(ContentType.JSON).body(Map.of("mode", mode, "reason", reason))
                .put(SharedSandbox.url(Service.AUTH) + "/v1/admin/accounts/" + username + "/mfa").then().statusCode(200);
    }

    @Test
    void secondFactorOffLetsThePasswordAloneInAndBackOnRequiresTheCodeAgain() {
        Lockstep.Account account = newAccount();
        setMode(account.username(), "off", "abroad, SMS filtered (case 88)");
        Response passwordOnly = Lockstep.login(account.username(), Lockstep.PASSWORD);
        assertEquals(200, passwordOnly.statusCode(), passwordOnly.asString());
        assertEquals("SUCCESS", passwordOnly.path("status"));

        setMode(account.username(), "always", "back home");
        Response again = Lockstep.login(account.username(), Lockstep.PASSWORD);
        assertEquals("MFA_REQUIRED", again.path("status"));
        Response verified = Lockstep.verify(again.path("challengeId"), nthCode(account.phone(), 1));
        assertEquals(200, verified.statusCode(), verified.asString());

        List<CloudEvent> events = Lockstep.awaitEvents(List.of(Topic.AUTH_EVENTS, Topic.SIGN_INS),
                e -> account.id().equals(e.subject())
                        && (Events.is(e, MfaModeChanged.class) || Events.is(e, LoginSucceeded.class)),
                seen -> seen.size() >= 4);
        List<String> story = events.stream().sorted(Comparator.comparing(CloudEvent::time))
                .map(e -> Events.is(e, MfaModeChanged.class)
                        ? "mfa " + Events.body(e, MfaModeChanged.class).mode()
                        : "signed in " + Events.body(e, LoginSucceeded.class).amr())
                .toList();
        assertEquals(List.of("mfa off", "signed in [pwd]", "mfa always", "signed in [pwd, sms]"), story);
    }
}
