package dev.lockstep.sim.scenario;

import static dev.lockstep.sim.scenario.ScenarioLists.list;

import dev.lockstep.platform.problem.ProblemException;
import dev.lockstep.sim.scenario.ScenarioFile.Step;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The console's current scenario: the one loaded last, its steps played so far, the next one played on
 * request ({@code GET /v1/scenario}, {@code POST /v1/scenario/next}).
 */
@ApplicationScoped
public class ScenarioSession {

    private final StepPlayer player;

    public ScenarioSession(StepPlayer player) {
        this.player = player;
    }

    /** The scenario loaded last, with the steps played so far (the console steps through it). */
    static final class Current {
        final ScenarioParser.Parsed parsed;
        final ScenarioRun state;
        final List<StepReport> played = new ArrayList<>();
        int next;

        Current(ScenarioParser.Parsed parsed, ScenarioRun state) {
            this.parsed = parsed;
            this.state = state;
        }
    }

    /** What the console shows of the loaded scenario: its steps, and the reports of those played. */
    public record Progress(String name, String story, List<String> steps, List<StepReport> played, boolean done,
            boolean passed) {
    }

    private volatile Current current;

    /** The scenario just set up becomes the current one, nothing played yet. */
    Current begin(ScenarioParser.Parsed parsed, ScenarioRun state) {
        Current loaded = new Current(parsed, state);
        current = loaded;
        return loaded;
    }

    /** The loaded scenario's progress; 404 if none was loaded since the service started. */
    public Progress progress() {
        Current loaded = current;
        if (loaded == null) {
            throw ProblemException.notFound("no-scenario-loaded", "No scenario is loaded");
        }
        synchronized (loaded) {
            List<Step> steps = list(loaded.parsed.file().steps());
            return new Progress(loaded.parsed.file().name(), loaded.parsed.file().story(),
                    steps.stream().map(ScenarioSession::describe).toList(), List.copyOf(loaded.played),
                    loaded.next >= steps.size(), loaded.played.stream().allMatch(StepReport::met));
        }
    }

    /** Plays the loaded scenario's next step; 409 when every step was played. */
    public StepReport next() {
        Current loaded = current;
        if (loaded == null) {
            throw ProblemException.notFound("no-scenario-loaded", "No scenario is loaded");
        }
        if (loaded.next >= list(loaded.parsed.file().steps()).size()) {
            throw ProblemException.conflict("scenario-finished", "Every step of the scenario was played");
        }
        return step(loaded);
    }

    StepReport step(Current loaded) {
        synchronized (loaded) {
            int i = loaded.next++;
            int line = i < loaded.parsed.stepLines().size() ? loaded.parsed.stepLines().get(i) : 0;
            StepReport report = player.play(i + 1, line, loaded.parsed.file().steps().get(i), loaded.state);
            loaded.played.add(report);
            return report;
        }
    }

    /** A step in a few words, e.g. "login yui" or "advance-clock P3D". */
    static String describe(Step step) {
        StringBuilder text = new StringBuilder(step.action().title());
        if (step.username() != null) {
            text.append(' ').append(step.username());
        }
        if (step.by() != null) {
            text.append(' ').append(step.by());
        }
        if (step.mode() != null) {
            text.append(' ').append(step.mode());
        }
        if (step.number() != null) {
            text.append(' ').append(step.number());
        }
        if (step.recoveryPhone() != null) {
            text.append(" via ").append(step.recoveryPhone());
        }
        if (step.contactEmail() != null) {
            text.append(" via ").append(step.contactEmail());
        }
        if (step.ip() != null) {
            text.append(" from ").append(step.ip());
        }
        if (step.device() != null) {
            text.append(" on ").append(step.device());
        }
        return text.toString();
    }
}
