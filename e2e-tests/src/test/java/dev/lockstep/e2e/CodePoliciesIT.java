package dev.lockstep.e2e;

import static dev.lockstep.e2e.support.Lockstep.challenge;
import static dev.lockstep.e2e.support.Lockstep.newAccount;
import static dev.lockstep.e2e.support.Lockstep.nthCode;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockstep.e2e.support.Lockstep;
import dev.lockstep.e2e.support.SharedSandbox;
import dev.lockstep.launcher.Service;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Code policies as real providers have them, set per account from a preset. */
@ExtendWith(SharedSandbox.class)
@Order(12)
class CodePoliciesIT {

    private static void preset(Lockstep.Account account, String preset) {
        given().header("Authorization", Lockstep.admin()).contentType(ContentType.JSON).body(Map.of("preset", preset))
                .put(SharedSandbox.url(Service.OTP) + "/v1/admin/accounts/" + account.id() + "/code-policies/sms")
                .then().statusCode(200);
    }

    @Test
    void apple2svSendsAFourDigitCodeThatSignsIn() {
        Lockstep.Account account = newAccount();
        preset(account, "apple-2sv");
        String challengeId = challenge(account);
        String code = nthCode(account.phone(), 1);
        assertTrue(code.matches("[0-9]{4}"), code);
        assertEquals(200, Lockstep.verify(challengeId, code).statusCode());
    }

    @Test
    void twilioVerifySendsTheSameCodeAgainAndAnswers429OnTheSixthCheck() {
        Lockstep.Account account = newAccount();
        preset(account, "twilio-verify");
        String challengeId = challenge(account);
        String first = nthCode(account.phone(), 1);
        Lockstep.send(challengeId).then().statusCode(202);
        assertEquals(first, nthCode(account.phone(), 2), "twilio-verify re-sends the code that is still valid");

        String wrong = first.equals("000000") ? "111111" : "000000";
        for (int i = 1; i <= 5; i++) {
            assertEquals(401, Lockstep.verify(challengeId, wrong).statusCode(), "check " + i);
        }
        Response sixth = Lockstep.verify(challengeId, first);
        assertEquals(429, sixth.statusCode(), sixth.asString());
        assertEquals("tag:lockstep.dev,2026:problem:too-many-attempts", sixth.path("type"));
    }
}
