package dev.lockstep.sim.scenario;

import dev.lockstep.client.HttpJson.Reply;
import dev.lockstep.sim.scenario.ScenarioFile.Action;
import dev.lockstep.sim.scenario.ScenarioFile.Step;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Support's steps on an account: {@code suspicious-activity}, {@code set-mfa}, {@code check-account}. */
@ApplicationScoped
public class AccountSteps {

    private final SandboxApi api;

    public AccountSteps(SandboxApi api) {
        this.api = api;
    }

    Map<Action, StepHandler> handlers() {
        return Map.of(Action.SUSPICIOUS_ACTIVITY, this::suspiciousActivity, Action.SET_MFA, this::setMfa,
                Action.CHECK_ACCOUNT, this::check);
    }

    private void suspiciousActivity(Step step, ScenarioRun run, String user, Map<String, Object> actual) {
        actual.put("http", api.send("POST", account(step) + "/suspicious-activity", Map.of("reason", step.reason()),
                api.adminToken()).status());
    }

    private void setMfa(Step step, ScenarioRun run, String user, Map<String, Object> actual) {
        actual.put("http", api.send("PUT", account(step) + "/mfa", Map.of("mode", step.mode(),
                "reason", step.reason() != null ? step.reason() : "scenario"), api.adminToken()).status());
    }

    /** The account as operators see it: status, lock reason, the latest attempt's risk signals, its sessions. */
    private void check(Step step, ScenarioRun run, String user, Map<String, Object> actual) {
        Reply answer = api.send("GET", account(step), null, api.adminToken());
        actual.put("http", answer.status());
        actual.put("accountStatus", answer.body().path("status").asText(null));
        actual.put("lockReason", answer.body().path("lockReason").asText(null));
        List<String> signals = new ArrayList<>();
        answer.body().path("recentAttempts").path(0).path("signals").forEach(s -> signals.add(s.asText()));
        actual.put("signals", signals);
        actual.put("sessions", api.send("GET", account(step) + "/sessions", null, api.adminToken()).body().size());
    }

    /** After any other step whose expectations name the account's status or lock reason. */
    void recordStatus(Step step, Map<String, Object> actual) {
        Reply account = api.send("GET", account(step), null, api.adminToken());
        actual.put("accountStatus", account.body().path("status").asText(null));
        actual.put("lockReason", account.body().path("lockReason").asText(null));
    }

    private String account(Step step) {
        return api.auth() + "/v1/admin/accounts/" + SandboxApi.encode(step.username());
    }
}
