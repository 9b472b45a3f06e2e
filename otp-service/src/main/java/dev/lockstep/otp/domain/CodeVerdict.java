package dev.lockstep.otp.domain;

import dev.lockstep.contracts.http.CodeCheckResult.Outcome;
import java.time.Instant;
import java.util.List;

/**
 * The rules of a code check, free of storage: given the challenge's codes (newest first), which of
 * them the presented code matched, the wrong attempts so far and the time, decide the outcome.
 */
public final class CodeVerdict {

    private CodeVerdict() {
    }

    /**
     * @param codes the challenge's codes, newest first
     * @param matched the code whose hash equals the presented one, or null
     * @param wrongAttempts wrong codes already spent on this challenge
     * @param maxAttempts wrong codes allowed
     */
    public static Outcome decide(List<IssuedCode> codes, IssuedCode matched, int wrongAttempts, int maxAttempts,
            Instant now) {
        if (wrongAttempts >= maxAttempts) {
            return Outcome.ATTEMPTS_EXHAUSTED;
        }
        if (codes.isEmpty()) {
            return Outcome.NO_CODE;
        }
        if (matched == null) {
            return Outcome.INVALID;
        }
        return switch (matched.status) {
            case USED -> Outcome.USED;
            case SUPERSEDED -> Outcome.SUPERSEDED;
            case ACTIVE -> now.isBefore(matched.expiresAt) ? Outcome.VALID : Outcome.EXPIRED;
        };
    }

    /** Whether an outcome spends one of the challenge's attempts. */
    public static boolean spendsAttempt(Outcome outcome) {
        return outcome == Outcome.INVALID || outcome == Outcome.USED || outcome == Outcome.SUPERSEDED;
    }
}
