package dev.lockstep.sim.scenario;

import dev.lockstep.client.HttpJson.Reply;
import dev.lockstep.platform.phone.PhoneNumbers;
import dev.lockstep.sim.scenario.ScenarioFile.Action;
import dev.lockstep.sim.scenario.ScenarioFile.Step;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON login's steps: {@code login}, {@code resend-code}, {@code enter-code}. */
@ApplicationScoped
public class LoginSteps {

    private final SandboxApi api;

    private final DeliveredCodes codes;

    public LoginSteps(SandboxApi api, DeliveredCodes codes) {
        this.api = api;
        this.codes = codes;
    }

    Map<Action, StepHandler> handlers() {
        return Map.of(Action.LOGIN, this::login, Action.RESEND_CODE, this::resend, Action.ENTER_CODE, this::enterCode);
    }

    private void login(Step step, ScenarioRun run, String user, Map<String, Object> actual) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", step.username());
        body.put("password", step.password());
        if (step.device() != null) {
            body.put("deviceId", step.device());
        }
        Reply answer = api.send("POST", api.auth() + "/v1/login", body, null, step.ip());
        actual.put("http", answer.status());
        if (answer.body().hasNonNull("status")) {
            actual.put("status", answer.body().get("status").asText());
        }
        if (answer.body().hasNonNull("challengeId")) {
            run.challenges.put(user, answer.body().get("challengeId").asText());
        }
    }

    private void resend(Step step, ScenarioRun run, String user, Map<String, Object> actual) {
        String challenge = run.challenges.get(user);
        actual.put("http", api.send("POST", api.auth() + "/v1/login/" + challenge + "/send", null, null).status());
    }

    /** The newest code no earlier step took, on the account's phone (or {@code number}); then the check. */
    private void enterCode(Step step, ScenarioRun run, String user, Map<String, Object> actual) {
        String phone = step.number() != null ? PhoneNumbers.toE164(step.number()) : run.phones.get(user);
        String code = codes.fresh(run, phone, step.expect() != null
                && Boolean.FALSE.equals(step.expect().codeArrives()) ? api.waits().noCodeWait() : api.waits().codeWait());
        actual.put("codeArrives", code != null);
        if (code != null && run.challenges.containsKey(user)) {
            Reply answer = api.send("POST", api.auth() + "/v1/login/" + run.challenges.get(user) + "/verify",
                    Map.of("code", code), null);
            actual.put("http", answer.status());
        }
    }
}
