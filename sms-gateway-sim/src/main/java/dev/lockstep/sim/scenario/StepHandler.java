package dev.lockstep.sim.scenario;

import dev.lockstep.sim.scenario.ScenarioFile.Step;
import java.util.Map;

/** One scenario action: plays a step and records what happened in {@code actual}, for its expectations. */
@FunctionalInterface
interface StepHandler {

    /** @param user the step's username in lower case (how the run remembers it), or null */
    void play(Step step, ScenarioRun run, String user, Map<String, Object> actual);
}
