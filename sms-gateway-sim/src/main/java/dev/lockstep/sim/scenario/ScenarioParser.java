package dev.lockstep.sim.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.lockstep.platform.phone.PhoneNumbers;
import dev.lockstep.platform.problem.ProblemException;
import dev.lockstep.sim.scenario.ScenarioFile.Action;
import dev.lockstep.sim.scenario.ScenarioFile.Step;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads a scenario file (YAML) into its steps and checks the whole of it before anything changes: a bad
 * file's problem ({@code invalid-scenario}) names its line.
 */
@ApplicationScoped
public class ScenarioParser {

    private static final YAMLMapper YAML = (YAMLMapper) new YAMLMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** A checked scenario and the line of each step. */
    public record Parsed(ScenarioFile file, List<Integer> stepLines) {
    }

    /** Parses and checks a scenario without changing anything; the line of every step, in order. */
    public Parsed parse(String text) {
        if (text == null || text.isBlank()) {
            throw ProblemException.badRequest("invalid-scenario", "The scenario is empty", "Send a YAML scenario file.");
        }
        ScenarioFile file;
        try {
            file = YAML.readValue(text, ScenarioFile.class);
        } catch (JsonProcessingException e) {
            int line = YamlLines.lineOf(text, e);
            ProblemException problem = ProblemException.badRequest("invalid-scenario",
                    "The scenario is not valid" + (line > 0 ? " at line " + line : ""), e.getOriginalMessage());
            throw line > 0 ? problem.with("line", line) : problem;
        }
        if (file == null) {
            throw ProblemException.badRequest("invalid-scenario", "The scenario is empty", null);
        }
        if (Boolean.TRUE.equals(file.seededCodes()) && file.seed() == null) {
            throw ProblemException.badRequest("invalid-scenario", "seededCodes needs a seed",
                    "Give the seed the codes come from, e.g. seed: 2026.").with("field", "seededCodes");
        }
        List<Step> steps = file.steps() != null ? file.steps() : List.of();
        Map<String, Integer> index = YamlLines.lineIndex(text);
        List<Integer> lines = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            lines.add(index.getOrDefault("steps/" + i, 0));
        }
        for (ScenarioFile.AccountSpec account : list(file.accounts())) {
            PhoneNumbers.toE164(account.phone());
        }
        for (ScenarioFile.PhoneSpec phone : list(file.phones())) {
            PhoneNumbers.toE164(phone.number());
        }
        List<Object> clientIds = list(file.clients()).stream().map(c -> c.get("clientId")).toList();
        for (int i = 0; i < steps.size(); i++) {
            String problem = problem(steps.get(i));
            if (problem == null && steps.get(i).client() != null && !clientIds.contains(steps.get(i).client())) {
                problem = steps.get(i).action().title() + " names client " + steps.get(i).client()
                        + ", which is not among the scenario's clients (each needs a clientId)";
            }
            if (problem != null) {
                int line = i < lines.size() ? lines.get(i) : 0;
                throw ProblemException.badRequest("invalid-scenario", "Step " + (i + 1) + " at line " + line + ": " + problem,
                        null).with("line", line).with("step", i + 1);
            }
        }
        return new Parsed(file, lines);
    }

    private static String problem(Step step) {
        for (String phone : Arrays.asList(step.recoveryPhone(), step.trustedPhone(), step.number())) {
            try {
                if (phone != null) {
                    PhoneNumbers.toE164(phone);
                }
            } catch (ProblemException e) {
                return phone + " is not a valid phone number (give it with its country code, e.g. +81 90 1234 5678)";
            }
        }
        boolean needsUser = step.action() != Action.ADVANCE_CLOCK && step.action() != Action.SET_PHONE;
        if (needsUser && (step.username() == null || step.username().isBlank())) {
            return step.action().title() + " needs a username";
        }
        return switch (step.action()) {
            case LOGIN -> step.password() == null ? "login needs a password" : null;
            case OIDC_LOGIN ->
                step.password() == null || step.client() == null ? "oidc-login needs a password and a client" : null;
            case ADVANCE_CLOCK -> {
                try {
                    yield step.by() == null || Duration.parse(step.by()).isNegative() ? "advance-clock needs by, e.g. P1D"
                            : null;
                } catch (DateTimeParseException e) {
                    yield "by is not an ISO-8601 duration such as P1D";
                }
            }
            case SET_PHONE -> step.number() == null || step.state() == null ? "set-phone needs a number and a state" : null;
            case SUSPICIOUS_ACTIVITY -> step.reason() == null ? "suspicious-activity needs a reason" : null;
            case SET_MFA -> step.mode() == null || !step.mode().matches("off|new-device|always")
                    ? "set-mfa needs mode off, new-device or always"
                    : null;
            case START_RECOVERY -> step.recoveryPhone() == null ? "start-recovery needs a recoveryPhone" : null;
            case START_RECOVERY_FORM -> step.contactEmail() == null ? "start-recovery-form needs a contactEmail" : null;
            case SUBMIT_FORM -> step.form() == null ? "submit-form needs the form's answers" : null;
            case COMPLETE_RECOVERY, RECOVER_WITH_KEY -> step.newPassword() == null
                    ? step.action().title() + " needs a newPassword"
                    : null;
            case ESCALATE -> {
                if (step.reason() == null) {
                    yield "escalate needs a reason";
                }
                try {
                    if (step.since() != null) {
                        Instant.parse(step.since());
                    }
                    yield null;
                } catch (DateTimeParseException e) {
                    yield "since is not an ISO-8601 instant such as 2026-04-01T09:00:00Z";
                }
            }
            default -> null;
        };
    }

    private static <T> List<T> list(List<T> items) {
        return items != null ? items : List.of();
    }
}
