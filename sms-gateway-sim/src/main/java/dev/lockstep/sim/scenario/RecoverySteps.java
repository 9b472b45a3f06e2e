package dev.lockstep.sim.scenario;

import dev.lockstep.client.HttpJson.Reply;
import dev.lockstep.platform.phone.PhoneNumbers;
import dev.lockstep.sim.scenario.ScenarioFile.Action;
import dev.lockstep.sim.scenario.ScenarioFile.Step;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Account recovery's steps: opening a case by the waiting period or by form, verifying the contact,
 * the form's answers, completing, the recovery key, an operator's escalation, and the case's status.
 */
@ApplicationScoped
public class RecoverySteps {

    private final SandboxApi api;

    private final DeliveredCodes codes;

    public RecoverySteps(SandboxApi api, DeliveredCodes codes) {
        this.api = api;
        this.codes = codes;
    }

    Map<Action, StepHandler> handlers() {
        Map<Action, StepHandler> handlers = new EnumMap<>(Action.class);
        handlers.put(Action.START_RECOVERY, this::start);
        handlers.put(Action.START_RECOVERY_FORM, this::startForm);
        handlers.put(Action.VERIFY_RECOVERY_CONTACT, this::verifyContact);
        handlers.put(Action.SUBMIT_FORM, this::submitForm);
        handlers.put(Action.COMPLETE_RECOVERY, this::complete);
        handlers.put(Action.RECOVER_WITH_KEY, this::recoverWithKey);
        handlers.put(Action.ESCALATE, this::escalate);
        handlers.put(Action.CHECK_RECOVERY, this::check);
        return handlers;
    }

    private void start(Step step, ScenarioRun run, String user, Map<String, Object> actual) {
        String recoveryPhone = PhoneNumbers.toE164(step.recoveryPhone());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", step.username());
        body.put("trustedPhone", step.trustedPhone() != null ? step.trustedPhone() : run.phones.get(user));
        body.put("recoveryPhone", recoveryPhone);
        if (step.device() != null) {
            body.put("deviceId", step.device());
        }
        started(run, user, recoveryPhone, api.send("POST", api.recovery() + "/v1/recovery/cases", body, null), actual);
    }

    private void startForm(Step step, ScenarioRun run, String user, Map<String, Object> actual) {
        started(run, user, step.contactEmail().trim().toLowerCase(Locale.ROOT), api.send("POST",
                api.recovery() + "/v1/recovery/forms", Map.of("username", step.username(), "contactEmail", step.contactEmail()),
                null), actual);
    }

    private void verifyContact(Step step, ScenarioRun run, String user, Map<String, Object> actual) {
        String code = codes.fresh(run, run.contacts.get(user), api.waits().codeWait());
        actual.put("codeArrives", code != null);
        if (code != null && run.cases.containsKey(user)) {
            actual.put("http", api.send("POST", cases(run, user) + "/verify-contact", Map.of("code", code), null).status());
        }
    }

    private void submitForm(Step step, ScenarioRun run, String user, Map<String, Object> actual) {
        actual.put("http", api.send("POST", cases(run, user) + "/form", step.form(), null).status());
    }

    private void complete(Step step, ScenarioRun run, String user, Map<String, Object> actual) {
        String code = codes.fresh(run, run.contacts.get(user), api.waits().codeWait());
        actual.put("codeArrives", code != null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("newPassword", step.newPassword());
        if (code != null) {
            body.put("code", code);
        }
        actual.put("http", api.send("POST", cases(run, user) + "/complete", body, null).status());
    }

    private void recoverWithKey(Step step, ScenarioRun run, String user, Map<String, Object> actual) {
        String key = step.recoveryKey() != null ? step.recoveryKey() : run.recoveryKeys.getOrDefault(user, "RK-NONE");
        Reply answer = api.send("POST", api.recovery() + "/v1/recovery/recovery-key", Map.of("username",
                step.username(), "recoveryKey", key, "newPassword", step.newPassword()), null);
        actual.put("http", answer.status());
        if (answer.body().hasNonNull("caseId")) {
            run.cases.put(user, answer.body().get("caseId").asText());
        }
    }

    private void escalate(Step step, ScenarioRun run, String user, Map<String, Object> actual) {
        Reply answer = api.send("POST", api.recovery() + "/v1/admin/recovery/escalations", Map.of("username",
                step.username(), "since", step.since() != null ? step.since() : run.startedAt,
                "identityCheck", "scenario: " + step.reason(), "reason", step.reason()), api.adminToken());
        actual.put("http", answer.status());
        if (answer.body().hasNonNull("caseId")) {
            run.cases.put(user, answer.body().get("caseId").asText());
        }
    }

    /** The case's status, waiting (up to {@code caseStatusWait}) for the one expected. */
    private void check(Step step, ScenarioRun run, String user, Map<String, Object> actual) {
        String want = step.expect() != null ? step.expect().caseStatus() : null;
        long deadline = System.nanoTime() + api.waits().caseStatusWait().toNanos();
        String status = caseStatus(run, user);
        while (want != null && !want.equals(status) && System.nanoTime() < deadline) {
            SandboxApi.sleep(100);
            status = caseStatus(run, user);
        }
        actual.put("caseStatus", status);
    }

    /** A recovery case was opened (or refused): remember it and where its codes go. */
    private static void started(ScenarioRun run, String user, String contact, Reply answer,
            Map<String, Object> actual) {
        actual.put("http", answer.status());
        if (answer.body().hasNonNull("caseId")) {
            run.cases.put(user, answer.body().get("caseId").asText());
            run.contacts.put(user, contact);
        }
    }

    /** The status of the account's latest case in this run, as operators see it. */
    String caseStatus(ScenarioRun run, String user) {
        String caseId = run.cases.get(user);
        if (caseId == null) {
            return null;
        }
        return api.send("GET", api.recovery() + "/v1/admin/recovery/cases/" + caseId, null, api.adminToken()).body()
                .path("status").asText(null);
    }

    private String cases(ScenarioRun run, String user) {
        return api.recovery() + "/v1/recovery/cases/" + run.cases.get(user);
    }
}
