package dev.lockstep.e2e;

import static dev.lockstep.e2e.support.Lockstep.newAccount;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lockstep.e2e.support.Lockstep;
import dev.lockstep.e2e.support.SharedSandbox;
import dev.lockstep.launcher.Service;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A recovery code stands in for the phone once, and only once. */
@ExtendWith(SharedSandbox.class)
@Order(9)
class RecoveryCodesIT {

    private static Response verifyWith(String challengeId, String factorId, String code) {
        return given().contentType(ContentType.JSON).body(Map.of("code", code, "factorId", factorId))
                .post(SharedSandbox.url(Service.AUTH) + "/v1/login/" + challengeId + "/verify");
    }

    @Test
    void aRecoveryCodeSignsInOnceAndIsThenRefused() {
        Lockstep.Account account = newAccount();
        Map<String, Object> set = given().header("Authorization", Lockstep.admin())
                .post(SharedSandbox.url(Service.OTP) + "/v1/admin/accounts/" + account.id() + "/recovery-codes")
                .then().statusCode(201).extract().jsonPath().getMap("$");
        String factorId = (String) set.get("factorId");
        String code = ((List<?>) set.get("codes")).get(0).toString();

        Response login = Lockstep.login(account.username(), Lockstep.PASSWORD);
        assertEquals(List.of("sms", "recovery-code"), login.path("factors.type"));
        Response signedIn = verifyWith(login.path("challengeId"), factorId, code);
        assertEquals(200, signedIn.statusCode(), signedIn.asString());

        Response again = verifyWith(Lockstep.challenge(account), factorId, code);
        assertEquals(401, again.statusCode(), again.asString());
        assertEquals("tag:lockstep.dev,2026:problem:code-used", again.path("type"));
    }
}
