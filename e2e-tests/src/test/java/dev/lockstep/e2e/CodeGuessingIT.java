package dev.lockstep.e2e;

import static dev.lockstep.e2e.support.Lockstep.challenge;
import static dev.lockstep.e2e.support.Lockstep.newAccount;
import static dev.lockstep.e2e.support.Lockstep.nthCode;
import static dev.lockstep.e2e.support.Lockstep.send;
import static dev.lockstep.e2e.support.Lockstep.verify;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lockstep.e2e.support.Lockstep;
import dev.lockstep.e2e.support.SharedSandbox;
import io.restassured.response.Response;
import java.time.Duration;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Guessing the second factor, with the password known and the lockout off (the default, as in
 * Keycloak): a resend does not give a challenge new attempts, and opening challenge after
 * challenge stops at the account's daily number of wrong codes (20) — then even the right code is
 * refused until a day has passed on the sandbox clock.
 */
@ExtendWith(SharedSandbox.class)
@Order(26)
class CodeGuessingIT {

    private static String wrongFor(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }

    private static void refusedForTooManyAttempts(Response response) {
        assertEquals(429, response.statusCode(), response.asString());
        assertEquals("tag:lockstep.dev,2026:problem:too-many-attempts", response.path("type"));
    }

    @Test
    void aResendGivesTheChallengeNoNewAttempts() {
        Lockstep.Account account = newAccount();
        String challengeId = challenge(account);
        String first = nthCode(account.phone(), 1);
        for (int remaining = 4; remaining >= 2; remaining--) {
            Response wrong = verify(challengeId, wrongFor(first));
            assertEquals(401, wrong.statusCode(), wrong.asString());
            assertEquals(remaining, (int) wrong.path("remainingAttempts"));
        }
        assertEquals(202, send(challengeId).statusCode());
        String second = nthCode(account.phone(), 2);
        Response wrong = verify(challengeId, wrongFor(second));
        assertEquals(1, (int) wrong.path("remainingAttempts"), wrong.asString());
        assertEquals(0, (int) verify(challengeId, wrongFor(second)).path("remainingAttempts"));
        refusedForTooManyAttempts(verify(challengeId, second));
    }

    @Test
    void wrongCodesAcrossChallengesStopAtTheDailyLimitUntilTheNextDay() {
        Lockstep.Account account = newAccount();
        int codes = 0;
        for (int login = 0; login < 4; login++) {
            String challengeId = challenge(account);
            String code = nthCode(account.phone(), ++codes);
            for (int guess = 0; guess < 5; guess++) {
                assertEquals(401, verify(challengeId, wrongFor(code)).statusCode());
            }
        }
        String fifth = challenge(account);
        refusedForTooManyAttempts(verify(fifth, nthCode(account.phone(), ++codes)));

        SharedSandbox.client().advanceClock(Duration.ofDays(1).plusMinutes(1));
        SharedSandbox.client().awaitClock(Duration.ofSeconds(30));
        String nextDay = challenge(account);
        Response signedIn = verify(nextDay, nthCode(account.phone(), ++codes));
        assertEquals(200, signedIn.statusCode(), signedIn.asString());
    }
}
