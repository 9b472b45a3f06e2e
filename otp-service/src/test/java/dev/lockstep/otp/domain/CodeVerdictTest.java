package dev.lockstep.otp.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockstep.contracts.http.CodeCheckResult.Outcome;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodeVerdictTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    private static IssuedCode code(IssuedCode.Status status, Instant expiresAt) {
        IssuedCode code = new IssuedCode();
        code.status = status;
        code.expiresAt = expiresAt;
        return code;
    }

    @Test
    void activeCodeBeforeItsExpiryIsValid() {
        IssuedCode current = code(IssuedCode.Status.ACTIVE, NOW.plusSeconds(1));
        assertEquals(Outcome.VALID, CodeVerdict.decide(List.of(current), current, 0, 5, NOW));
    }

    @Test
    void activeCodeAtItsExpiryIsExpired() {
        IssuedCode current = code(IssuedCode.Status.ACTIVE, NOW);
        assertEquals(Outcome.EXPIRED, CodeVerdict.decide(List.of(current), current, 0, 5, NOW));
    }

    @Test
    void supersededAndUsedCodesAreRefusedAndSpendAnAttempt() {
        IssuedCode old = code(IssuedCode.Status.SUPERSEDED, NOW.plusSeconds(60));
        IssuedCode used = code(IssuedCode.Status.USED, NOW.plusSeconds(60));
        assertEquals(Outcome.SUPERSEDED, CodeVerdict.decide(List.of(old), old, 0, 5, NOW));
        assertEquals(Outcome.USED, CodeVerdict.decide(List.of(used), used, 0, 5, NOW));
        assertTrue(CodeVerdict.spendsAttempt(Outcome.SUPERSEDED));
        assertTrue(CodeVerdict.spendsAttempt(Outcome.USED));
        assertFalse(CodeVerdict.spendsAttempt(Outcome.EXPIRED));
    }

    @Test
    void afterMaxWrongAttemptsEvenTheRightCodeIsRefused() {
        IssuedCode current = code(IssuedCode.Status.ACTIVE, NOW.plusSeconds(60));
        assertEquals(Outcome.INVALID, CodeVerdict.decide(List.of(current), null, 4, 5, NOW));
        assertEquals(Outcome.ATTEMPTS_EXHAUSTED, CodeVerdict.decide(List.of(current), current, 5, 5, NOW));
    }

    @Test
    void nothingIssuedYetIsNoCode() {
        assertEquals(Outcome.NO_CODE, CodeVerdict.decide(List.of(), null, 0, 5, NOW));
    }
}
