package dev.lockstep.sim.scenario;

import dev.lockstep.sim.scenario.ScenarioFile.Action;
import dev.lockstep.sim.scenario.ScenarioFile.Step;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Plays one step: its action's handler acts through the services' APIs and records what happened; the
 * account's and the recovery case's state are read too when the expectations name them; the report says
 * whether the expectations were met.
 */
@ApplicationScoped
public class StepPlayer {

    private final LoginSteps login;

    private final AccountSteps accounts;

    private final SandboxSteps sandbox;

    private final RecoverySteps recovery;

    private final OidcLoginStep oidc;

    public StepPlayer(LoginSteps login, AccountSteps accounts, SandboxSteps sandbox, RecoverySteps recovery,
            OidcLoginStep oidc) {
        this.login = login;
        this.accounts = accounts;
        this.sandbox = sandbox;
        this.recovery = recovery;
        this.oidc = oidc;
    }

    private final Map<Action, StepHandler> handlers = new EnumMap<>(Action.class);

    @PostConstruct
    void collectHandlers() {
        handlers.putAll(login.handlers());
        handlers.putAll(accounts.handlers());
        handlers.putAll(sandbox.handlers());
        handlers.putAll(recovery.handlers());
        handlers.putAll(oidc.handlers());
        for (Action action : Action.values()) {
            if (!handlers.containsKey(action)) {
                throw new IllegalStateException("no handler plays the scenario action " + action.title());
            }
        }
    }

    StepReport play(int index, int line, Step step, ScenarioRun run) {
        Map<String, Object> actual = new LinkedHashMap<>();
        String user = step.username() != null ? step.username().toLowerCase(Locale.ROOT) : null;
        handlers.get(step.action()).play(step, run, user, actual);
        if (step.expect() != null && step.expect().caseStatus() != null && !actual.containsKey("caseStatus")) {
            actual.put("caseStatus", recovery.caseStatus(run, user));
        }
        if (step.action() != Action.CHECK_ACCOUNT && step.expect() != null
                && (step.expect().accountStatus() != null || step.expect().lockReason() != null)) {
            accounts.recordStatus(step, actual);
        }
        Map<String, Object> expected = Expectations.expected(step.expect());
        return new StepReport(index, line, step.action().title(), Expectations.met(expected, actual), expected, actual);
    }
}
