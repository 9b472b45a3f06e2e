package dev.lockstep.sim.scenario;

import dev.lockstep.platform.phone.PhoneNumbers;
import dev.lockstep.sim.scenario.ScenarioFile.Action;
import dev.lockstep.sim.scenario.ScenarioFile.Step;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** The simulated world's steps: {@code advance-clock} (every service follows first) and {@code set-phone}. */
@ApplicationScoped
public class SandboxSteps {

    private final SandboxApi api;

    public SandboxSteps(SandboxApi api) {
        this.api = api;
    }

    Map<Action, StepHandler> handlers() {
        return Map.of(Action.ADVANCE_CLOCK, this::advanceClock, Action.SET_PHONE, this::setPhone);
    }

    private void advanceClock(Step step, ScenarioRun run, String user, Map<String, Object> actual) {
        actual.put("http", api.send("POST", api.sim() + "/v1/clock", Map.of("advance", step.by()), api.adminToken()).status());
        api.awaitClock();
    }

    private void setPhone(Step step, ScenarioRun run, String user, Map<String, Object> actual) {
        actual.put("http", api.send("PUT", api.sim() + "/v1/phones/" + SandboxApi.encode(PhoneNumbers.toE164(step.number())),
                step.state(), api.adminToken()).status());
    }
}
