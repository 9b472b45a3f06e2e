package dev.lockstep.recovery.service;

import dev.lockstep.platform.problem.ProblemException;
import dev.lockstep.recovery.domain.RecoveryCase;

/**
 * A case and the outcome of checking one of its codes. The check (and a wrong code's count) is
 * committed first; the refusal is thrown afterwards.
 */
record CheckedCode(RecoveryCase recoveryCase, CaseCodes.Outcome outcome) {

    RecoveryCase orThrow() {
        return switch (outcome) {
            case VALID -> recoveryCase;
            case WRONG -> throw new ProblemException(401, "code-invalid", "The code is not right", null);
            case USED -> throw new ProblemException(401, "code-used", "The code was already used", null);
            case EXPIRED -> throw new ProblemException(410, "code-expired", "The code has expired", "Ask for a new code.");
            case EXHAUSTED -> throw tooManyCodes();
            case NONE -> throw new ProblemException(409, "case-not-ready", "No such code was sent for this case", null);
        };
    }

    static ProblemException tooManyCodes() {
        return new ProblemException(429, "too-many-attempts", "Too many wrong codes", "This case takes no more codes.");
    }
}
