package dev.lockstep.platform.fault;

import dev.lockstep.platform.problem.ProblemException;
import java.time.Instant;

/** Sandbox-clock instants between which a fault rule is active ({@code "window"}: an outage "until 14:00"). */
public record FaultWindow(Instant from, Instant until) {

    /** Refuses a window that ends before it starts ({@code invalid-fault}). */
    public FaultWindow checked() {
        if (from != null && until != null && !from.isBefore(until)) {
            throw ProblemException.badRequest("invalid-fault", "window.from must be before window.until", null);
        }
        return this;
    }
}
