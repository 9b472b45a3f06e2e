package dev.lockstep.sim.scenario;

import static dev.lockstep.sim.scenario.ScenarioLists.list;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Loads a checked scenario: resets all four services, sets the story's starting state up through the
 * services' own APIs, makes it the console's current scenario and — unless asked not to — plays every
 * step, reporting each expectation met or missed.
 */
@ApplicationScoped
public class ScenarioService {

    /** What loading (and running) a scenario did. */
    public record Report(String name, String story, boolean ran, boolean passed, int accounts, List<StepReport> steps) {
    }

    private final SandboxWideReset reset;

    private final StartingState startingState;

    private final ScenarioSession session;

    public ScenarioService(SandboxWideReset reset, StartingState startingState, ScenarioSession session) {
        this.reset = reset;
        this.startingState = startingState;
        this.session = session;
    }

    /** Resets the sandbox, sets the scenario up and, if {@code run}, plays its steps. */
    public Report load(ScenarioParser.Parsed parsed, boolean run) {
        ScenarioFile file = parsed.file();
        reset.resetAll(true); // the demo fixtures stay beside the story's own accounts
        ScenarioSession.Current loaded = session.begin(parsed, startingState.setUp(file));
        if (run) {
            while (loaded.next < list(file.steps()).size()) {
                session.step(loaded);
            }
        }
        boolean passed = loaded.played.stream().allMatch(StepReport::met);
        return new Report(file.name(), file.story(), run, passed, list(file.accounts()).size(), List.copyOf(loaded.played));
    }
}
