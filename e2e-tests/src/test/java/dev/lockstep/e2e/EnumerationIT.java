package dev.lockstep.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockstep.e2e.support.Lockstep;
import dev.lockstep.e2e.support.SharedSandbox;
import dev.lockstep.e2e.support.Timings;
import dev.lockstep.launcher.Service;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * User enumeration on every path that takes an account name: an existing account with a wrong
 * secret and a name nobody has get the same status and the same body, and neither kind answers
 * measurably faster. Each comparison times {@value #PAIRS} pairs in alternation and asks for the
 * probability that the known account's answer is the slower one to lie within
 * [{@value #LOW}, {@value #HIGH}]: a path that skipped the password hash (or a call to another
 * service) for unknown names puts it near 0 or 1; on two equal paths it stays near 0.5 (one
 * standard deviation is about 0.06 at this many pairs).
 */
@ExtendWith(SharedSandbox.class)
@Order(24)
class EnumerationIT {

    static final int PAIRS = 40;
    static final int WARM_UP = 6;
    static final double LOW = 0.2;
    static final double HIGH = 0.8;

    private static String unknownName() {
        return "nobody-" + UUID.randomUUID().toString().substring(0, 12);
    }

    private static Response post(Service service, String path, Map<String, ?> body) {
        return given().contentType(ContentType.JSON).body(body).post(SharedSandbox.url(service) + path);
    }

    /**
     * Same status and body for both; then the timing comparison over fresh answers (every answer
     * checked to have the status, so a path that starts refusing differently half-way is caught).
     */
    private static void indistinguishable(String path, Function<String, Response> attempt,
            Supplier<String> knownName) {
        Response known = attempt.apply(knownName.get());
        Response unknown = attempt.apply(unknownName());
        assertEquals(known.statusCode(), unknown.statusCode(), path + ": " + known.asString() + " / " + unknown.asString());
        assertEquals(shape(known), shape(unknown), path);
        int status = known.statusCode();
        // names are made before the clock runs: creating an account is not part of the answer's time
        Deque<String> knownNames = new ArrayDeque<>();
        Deque<String> unknownNames = new ArrayDeque<>();
        for (int i = 0; i < WARM_UP + PAIRS; i++) {
            knownNames.add(knownName.get());
            unknownNames.add(unknownName());
        }
        Timings timings = Timings.sample(WARM_UP, PAIRS,
                () -> expect(status, attempt.apply(knownNames.poll()), path),
                () -> expect(status, attempt.apply(unknownNames.poll()), path));
        System.out.println("[enumeration] " + path + ": known account " + timings);
        double slower = timings.superiority();
        assertTrue(slower >= LOW && slower <= HIGH, path + ": the time tells known from unknown names: " + timings);
    }

    private static Response expect(int status, Response response, String path) {
        assertEquals(status, response.statusCode(), path + ": " + response.asString());
        return response;
    }

    /** The body without what differs between any two answers (problem instance, case id, due times). */
    private static Map<String, Object> shape(Response response) {
        Map<String, Object> body = new LinkedHashMap<>(response.jsonPath().getMap("$"));
        body.keySet().removeAll(List.of("instance", "caseId", "statusAvailableAt", "dueAt"));
        return body;
    }

    @Test
    void aWrongPasswordAndAnUnknownNameLookAlikeAtTheLogin() {
        Lockstep.Account account = Lockstep.newAccount();
        indistinguishable("POST /v1/login", name -> Lockstep.login(name, "not the password"), account::username);
    }

    @Test
    void theTrustedPhoneRecoveryHashesForUnknownNamesToo() {
        Lockstep.Account account = Lockstep.newAccount();
        indistinguishable("POST /v1/recovery/trusted-phone", name -> post(Service.RECOVERY, "/v1/recovery/trusted-phone",
                Map.of("username", name, "password", "not the password")), account::username);
    }

    @Test
    void aWrongTrustedNumberAndAnUnknownNameLookAlikeAtTheWaitingPeriodRecovery() {
        Lockstep.Account account = Lockstep.newAccount();
        String notItsNumber = Lockstep.uniquePhone();
        indistinguishable("POST /v1/recovery/cases", name -> post(Service.RECOVERY, "/v1/recovery/cases",
                Map.of("username", name, "trustedPhone", notItsNumber, "recoveryPhone", Lockstep.uniquePhone())),
                account::username);
    }

    /**
     * Names of fresh accounts, each used {@code uses} times: for paths that bound tries or sends per
     * account and day, so that every timed answer is the refusal being compared.
     */
    private static Supplier<String> freshAccounts(int uses, Function<Lockstep.Account, ?> setUp) {
        Deque<String> names = new ArrayDeque<>();
        return () -> {
            if (names.isEmpty()) {
                Lockstep.Account account = Lockstep.newAccount(
                        "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
                setUp.apply(account);
                for (int i = 0; i < uses; i++) {
                    names.add(account.username());
                }
            }
            return names.poll();
        };
    }

    @Test
    void aWrongRecoveryKeyAndAnUnknownNameLookAlike() {
        Supplier<String> withKeys = freshAccounts(3, account -> given().header("Authorization", Lockstep.admin())
                .post(SharedSandbox.url(Service.OTP) + "/v1/admin/accounts/" + account.id() + "/recovery-key")
                .then().statusCode(201));
        indistinguishable("POST /v1/recovery/recovery-key", name -> post(Service.RECOVERY, "/v1/recovery/recovery-key",
                Map.of("username", name, "recoveryKey", "RK-AAAA-BBBB-CCCC", "newPassword", "a new passphrase")),
                withKeys);
    }

    @Test
    void aRecoveryFormStartsAlikeForKnownAndUnknownNames() {
        indistinguishable("POST /v1/recovery/forms", name -> post(Service.RECOVERY, "/v1/recovery/forms",
                Map.of("username", name, "contactEmail", "helper-" + UUID.randomUUID().toString().substring(0, 8)
                        + "@example.org")),
                freshAccounts(10, account -> account));
    }
}
