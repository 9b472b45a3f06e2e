package dev.lockstep.sim.scenario;

import java.util.Map;

/** One step's outcome: what was expected, what happened, and whether that met it. */
public record StepReport(int index, int line, String action, boolean met, Map<String, Object> expected,
        Map<String, Object> actual) {
}
