package dev.lockstep.sim.scenario;

import dev.lockstep.platform.http.OutgoingHttp;
import dev.lockstep.platform.problem.ProblemException;
import dev.lockstep.sim.scenario.ScenarioFile.Action;
import dev.lockstep.sim.scenario.ScenarioFile.Expect;
import dev.lockstep.sim.scenario.ScenarioFile.Step;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/** {@code oidc-login}: an application signs the user in through the hosted login ({@link OidcLoginPlayer}). */
@ApplicationScoped
public class OidcLoginStep {

    private final SandboxApi api;

    private final DeliveredCodes codes;

    private final OutgoingHttp http;

    public OidcLoginStep(SandboxApi api, DeliveredCodes codes, OutgoingHttp http) {
        this.api = api;
        this.codes = codes;
        this.http = http;
    }

    Map<Action, StepHandler> handlers() {
        return Map.of(Action.OIDC_LOGIN, this::play);
    }

    private void play(Step step, ScenarioRun run, String user, Map<String, Object> actual) {
        String redirect = run.clients.get(step.client());
        OidcLoginPlayer.Outcome outcome = signIn(new OidcLoginPlayer.Request(api.auth(), step.client(), redirect,
                step.username(), step.password(), step.acr(), step.ip()), run, run.phones.get(user), step.expect());
        actual.put("status", outcome.status());
        if (outcome.acr() != null) {
            actual.put("acr", outcome.acr());
            actual.put("amr", outcome.amr());
        }
        if (outcome.detail() != null) {
            actual.put("detail", outcome.detail());
        }
    }

    private OidcLoginPlayer.Outcome signIn(OidcLoginPlayer.Request request, ScenarioRun run, String phone, Expect expect) {
        Duration wait = expect != null && "NO_CODE".equals(expect.status()) ? api.waits().noCodeWait() : api.waits().codeWait();
        try {
            return OidcLoginPlayer.play(http.browser(), request, () -> codes.fresh(run, phone, wait));
        } catch (IOException e) {
            throw new ProblemException(503, "scenario-setup-failed", "auth-service did not answer", e.getMessage());
        }
    }
}
