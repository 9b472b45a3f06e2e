package dev.lockstep.e2e;

import static dev.lockstep.e2e.support.Lockstep.challenge;
import static dev.lockstep.e2e.support.Lockstep.newAccount;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockstep.e2e.support.Lockstep;
import dev.lockstep.e2e.support.SharedSandbox;
import dev.lockstep.launcher.Service;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every endpoint of the login flow answers bad input with a 4xx problem, changes nothing, never a 500. */
@ExtendWith(SharedSandbox.class)
@Order(3)
class BadInputIT {

    private static final String HUGE = "{\"username\":\"" + "x".repeat(40_000) + "\"}";

    static Stream<Arguments> badAccountCreations() {
        return Stream.of(
                Arguments.of("malformed JSON", "{\"username\":", 400, "malformed-json"),
                Arguments.of("missing fields", "{\"username\":\"%s\"}", 400, "invalid-request"),
                Arguments.of("wrong types", "{\"username\":\"%s\",\"password\":12345678,\"phone\":\"+819011112222\"}", 400,
                        "invalid-field"),
                Arguments.of("invalid phone", "{\"username\":\"%s\",\"password\":\"long enough pw\",\"phone\":\"+81 12\"}", 400,
                        "invalid-phone-number"),
                Arguments.of("short password", "{\"username\":\"%s\",\"password\":\"short\",\"phone\":\"+819011112222\"}", 400,
                        "invalid-request"),
                Arguments.of("bad username",
                        "{\"username\":\"%s with spaces\",\"password\":\"long enough pw\",\"phone\":\"+819011112222\"}", 400,
                        "invalid-request"),
                Arguments.of("not an object", "[1,2,3]", 400, "invalid-body"),
                Arguments.of("oversized body", HUGE, 413, "body-too-large"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badAccountCreations")
    void badAccountCreationIsAProblemAndCreatesNothing(String what, String body, int status, String slug) {
        String username = "bad-" + UUID.randomUUID().toString().substring(0, 8);
        Response response = given().header("Authorization", Lockstep.admin()).contentType(ContentType.JSON)
                .body(body.contains("%s") ? String.format(body, username) : body)
                .post(SharedSandbox.url(Service.AUTH) + "/v1/admin/accounts");
        assertProblem(response, status, slug);
        given().header("Authorization", Lockstep.admin())
                .get(SharedSandbox.url(Service.AUTH) + "/v1/admin/accounts/" + username).then().statusCode(404);
    }

    @Test
    void accountCreationWithoutTheAdminTokenIsRefused() {
        String username = "noauth-" + UUID.randomUUID().toString().substring(0, 8);
        Response response = given().contentType(ContentType.JSON)
                .body("{\"username\":\"" + username + "\",\"password\":\"long enough pw\",\"phone\":\"+819011112222\"}")
                .post(SharedSandbox.url(Service.AUTH) + "/v1/admin/accounts");
        assertProblem(response, 401, "unauthorized");
        given().header("Authorization", Lockstep.admin())
                .get(SharedSandbox.url(Service.AUTH) + "/v1/admin/accounts/" + username).then().statusCode(404);
    }

    @Test
    void badLoginRequestsAreProblems() {
        String login = SharedSandbox.url(Service.AUTH) + "/v1/login";
        assertProblem(json().body("{\"username\":").post(login), 400, "malformed-json");
        assertProblem(json().body("{\"username\":\"a\"}").post(login), 400, "invalid-request");
        assertProblem(json().body("{\"username\":1,\"password\":2}").post(login), 400, "invalid-field");
        assertProblem(json().body(HUGE).post(login), 413, "body-too-large");
        assertProblem(given().contentType(ContentType.TEXT).body("hello").post(login), 415, "unsupported-media-type");
    }

    @Test
    void unknownChallengesAreProblemsAndBadCodesSpendNoAttempt() {
        String unknown = UUID.randomUUID().toString();
        String auth = SharedSandbox.url(Service.AUTH);
        assertProblem(json().body("{\"code\":\"123456\"}").post(auth + "/v1/login/" + unknown + "/verify"), 404,
                "challenge-not-found");
        assertProblem(json().body("{\"code\":\"123456\"}").post(auth + "/v1/login/not-a-uuid/verify"), 404,
                "challenge-not-found");
        assertProblem(given().post(auth + "/v1/login/" + unknown + "/send"), 404, "challenge-not-found");

        Lockstep.Account account = newAccount();
        String challengeId = challenge(account);
        assertProblem(json().body("{\"code\":\"12ab56\"}").post(auth + "/v1/login/" + challengeId + "/verify"), 400,
                "invalid-request");
        assertProblem(json().body("{\"code\":123456}").post(auth + "/v1/login/" + challengeId + "/verify"), 400,
                "invalid-field");
        assertProblem(json().body("{\"code\":").post(auth + "/v1/login/" + challengeId + "/verify"), 400,
                "malformed-json");
        assertProblem(json().body("{\"factorId\":\"" + UUID.randomUUID() + "\"}")
                .post(auth + "/v1/login/" + challengeId + "/send"), 400, "unknown-factor");
        assertProblem(json().body(HUGE).post(auth + "/v1/login/" + challengeId + "/verify"), 413, "body-too-large");
        assertProblem(json().body("{}").post(auth + "/v1/login/" + challengeId + "/verify"), 400, "invalid-request");
        assertProblem(json().body(HUGE).post(auth + "/v1/login/" + challengeId + "/send"), 413, "body-too-large");
        assertProblem(json().body("{\"factorId\":").post(auth + "/v1/login/" + challengeId + "/send"), 400,
                "malformed-json");

        // None of that spent an attempt: the first wrong code still leaves four.
        Response wrong = json().body("{\"code\":\"000000\"}").post(auth + "/v1/login/" + challengeId + "/verify");
        String code = Lockstep.nthCode(account.phone(), 1);
        if (!code.equals("000000")) {
            assertEquals(4, (int) wrong.path("remainingAttempts"));
        }
    }

    @Test
    void badInboxRequestsAreProblems() {
        String sim = SharedSandbox.url(Service.SIM);
        assertProblem(given().get(sim + "/v1/phones/not-a-number/messages"), 400, "invalid-phone-number");
        assertProblem(given().get(sim + "/v1/phones/+81 12/messages"), 400, "invalid-phone-number");
        assertProblem(given().get(sim + "/v1/phones/" + Lockstep.uniquePhone() + "/messages?limit=x"), 404,
                "not-found");
        assertProblem(given().get(sim + "/v1/phones/" + Lockstep.uniquePhone() + "/messages/next?timeout=soon"),
                400, "invalid-query");
    }

    @Test
    void badRecoveryRequestsAreProblemsAndOpenNoCase() {
        String recovery = SharedSandbox.url(Service.RECOVERY);
        Lockstep.Account account = Lockstep.newAccount();
        String recoveryPhone = Lockstep.uniquePhone();
        assertProblem(json().body("{\"username\": ").post(recovery + "/v1/recovery/cases"), 400, "malformed-json");
        assertProblem(json().body("{\"username\": [1], \"trustedPhone\": {}, \"recoveryPhone\": 5}")
                .post(recovery + "/v1/recovery/cases"), 400, "invalid-field");
        assertProblem(json().body(Map.of("username", account.username(), "trustedPhone", account.phone(),
                "recoveryPhone", "call me maybe")).post(recovery + "/v1/recovery/cases"), 400, "invalid-phone-number");
        assertProblem(json().body(Map.of("username", account.username(), "trustedPhone", Lockstep.uniquePhone(),
                "recoveryPhone", recoveryPhone)).post(recovery + "/v1/recovery/cases"), 404, "account-not-found");
        assertProblem(given().get(recovery + "/v1/recovery/cases/" + UUID.randomUUID()), 404, "case-not-found");
        assertProblem(json().body(Map.of("code", "123456"))
                .post(recovery + "/v1/recovery/cases/no-such-case/verify-contact"), 404, "case-not-found");
        assertProblem(json().body(Map.of("username", account.username(), "contactEmail", "not an address"))
                .post(recovery + "/v1/recovery/forms"), 400, "invalid-request");
        assertProblem(json().body("{\"username\":\"" + "x".repeat(20_000) + "\"}").post(recovery + "/v1/recovery/forms"),
                413, "body-too-large");
        assertTrue(given().header("Authorization", Lockstep.admin())
                .get(recovery + "/v1/admin/recovery/cases?username=" + account.username()).jsonPath().getList("$").isEmpty(),
                "no case was opened");
        assertTrue(Lockstep.inbox(recoveryPhone).isEmpty(), "no code was sent");
    }

    private static RequestSpecification json() {
        return given().contentType(ContentType.JSON);
    }

    static void assertProblem(Response response, int status, String slug) {
        assertEquals(status, response.statusCode(), response.asString());
        assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
        assertEquals("tag:lockstep.dev,2026:problem:" + slug, response.path("type"), response.asString());
        assertEquals(status, (int) response.path("status"));
    }
}
