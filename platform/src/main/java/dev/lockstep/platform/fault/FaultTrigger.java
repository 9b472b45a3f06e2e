package dev.lockstep.platform.fault;

import dev.lockstep.platform.problem.ProblemException;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * When a fault rule acts, as every Lockstep fault rule says it ({@code "trigger"}): at most one of the
 * next N matches, every Nth match, or each match with a probability; none: every match.
 */
public record FaultTrigger(
        @Min(1) @Max(1_000_000) Integer next,
        @Min(1) @Max(1_000_000) Integer everyNth,
        @DecimalMin("0.0") @DecimalMax("1.0") Double probability) {

    /** Refuses a trigger that says more than one thing ({@code invalid-fault}). */
    public FaultTrigger checked() {
        int kinds = (next != null ? 1 : 0) + (everyNth != null ? 1 : 0) + (probability != null ? 1 : 0);
        if (kinds > 1) {
            throw ProblemException.badRequest("invalid-fault", "give at most one of next, everyNth, probability", null);
        }
        return this;
    }
}
