package dev.lockstep.recovery.service;

import dev.lockstep.platform.problem.ProblemException;
import dev.lockstep.platform.settings.RuntimeSettings;
import dev.lockstep.recovery.config.RecoveryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The sandbox's recovery settings: the configured defaults, with what operators changed on top. */
@ApplicationScoped
public class RecoverySettings {

    /** The fields of a recovery form that score points. */
    public static final Set<String> FORM_FIELDS = Set.of("name", "dateOfBirth", "country", "region", "postalCode",
            "previousPasswords", "products", "recentRecipients", "subjects", "card");

    /**
     * The settings as operators read and write them (durations in ISO-8601); a PUT may leave any field
     * out to keep it.
     */
    public record Settings(String waitingPeriod, String statusAvailableAfter, String cancelOn,
            String recoveryCodeLifetime, String contactCodeLifetime, Integer maxCodeAttempts, String escalationDelay,
            Integer formThreshold, Map<String, Integer> formWeights, String verdictDelay, Integer formsPerDay) {

        public Duration waiting() {
            return Duration.parse(waitingPeriod);
        }

        public Duration statusAfter() {
            return Duration.parse(statusAvailableAfter);
        }

        public Duration recoveryCodeTtl() {
            return Duration.parse(recoveryCodeLifetime);
        }

        public Duration contactCodeTtl() {
            return Duration.parse(contactCodeLifetime);
        }

        public Duration escalation() {
            return Duration.parse(escalationDelay);
        }

        public Duration verdict() {
            return Duration.parse(verdictDelay);
        }
    }

    private static final String NAME = "recovery";

    private final RecoveryConfig config;

    private final RuntimeSettings settings;

    public RecoverySettings(RecoveryConfig config, RuntimeSettings settings) {
        this.config = config;
        this.settings = settings;
    }

    public Settings current() {
        return settings.json(NAME, Settings.class).orElseGet(this::defaults);
    }

    /** Changes the given fields; the whole result is checked before anything is stored. */
    @Transactional
    public Settings change(Settings change) {
        Settings now = current();
        Map<String, Integer> weights = new LinkedHashMap<>(now.formWeights());
        if (change.formWeights() != null) {
            weights.putAll(change.formWeights());
        }
        Settings next = new Settings(
                pick(change.waitingPeriod(), now.waitingPeriod()),
                pick(change.statusAvailableAfter(), now.statusAvailableAfter()),
                pick(change.cancelOn(), now.cancelOn()),
                pick(change.recoveryCodeLifetime(), now.recoveryCodeLifetime()),
                pick(change.contactCodeLifetime(), now.contactCodeLifetime()),
                pick(change.maxCodeAttempts(), now.maxCodeAttempts()),
                pick(change.escalationDelay(), now.escalationDelay()),
                pick(change.formThreshold(), now.formThreshold()),
                weights,
                pick(change.verdictDelay(), now.verdictDelay()),
                pick(change.formsPerDay(), now.formsPerDay()));
        validate(next);
        settings.putJson(NAME, next);
        return next;
    }

    private Settings defaults() {
        RecoveryConfig.Form form = config.form();
        return new Settings(config.waitingPeriod().toString(), config.statusAvailableAfter().toString(),
                config.cancelOn(), config.recoveryCodeLifetime().toString(), config.contactCodeLifetime().toString(),
                config.maxCodeAttempts(), config.escalationDelay().toString(), form.threshold(),
                new LinkedHashMap<>(form.weights()), form.verdictDelay().toString(), form.maxPerDay());
    }

    private static void validate(Settings s) {
        Duration waiting = duration("waitingPeriod", s.waitingPeriod());
        Duration status = duration("statusAvailableAfter", s.statusAvailableAfter());
        duration("recoveryCodeLifetime", s.recoveryCodeLifetime());
        duration("contactCodeLifetime", s.contactCodeLifetime());
        duration("escalationDelay", s.escalationDelay());
        if (duration("verdictDelay", s.verdictDelay()).isNegative()) {
            throw invalid("verdictDelay must not be negative");
        }
        if (status.compareTo(waiting) >= 0) {
            throw invalid("statusAvailableAfter must be shorter than waitingPeriod (the status comes before completion)");
        }
        if (!Set.of("any-sign-in", "other-device").contains(s.cancelOn())) {
            throw invalid("cancelOn is any-sign-in or other-device");
        }
        if (s.maxCodeAttempts() < 1 || s.maxCodeAttempts() > 100) {
            throw invalid("maxCodeAttempts is 1 to 100");
        }
        if (s.formThreshold() < 0 || s.formThreshold() > 1000) {
            throw invalid("formThreshold is 0 to 1000");
        }
        if (s.formsPerDay() < 1 || s.formsPerDay() > 100) {
            throw invalid("formsPerDay is 1 to 100");
        }
        for (Map.Entry<String, Integer> weight : s.formWeights().entrySet()) {
            if (!FORM_FIELDS.contains(weight.getKey())) {
                throw invalid("formWeights has no field " + weight.getKey() + "; fields are " + FORM_FIELDS);
            }
            if (weight.getValue() == null || weight.getValue() < 0 || weight.getValue() > 100) {
                throw invalid("formWeights." + weight.getKey() + " is 0 to 100");
            }
        }
    }

    private static Duration duration(String field, String value) {
        try {
            Duration parsed = Duration.parse(value);
            if (parsed.isNegative()) {
                throw invalid(field + " must not be negative");
            }
            return parsed;
        } catch (DateTimeParseException | NullPointerException e) {
            throw invalid(field + " is not an ISO-8601 duration such as P3D or PT10M");
        }
    }

    private static ProblemException invalid(String title) {
        return ProblemException.badRequest("invalid-recovery-settings", title, null);
    }

    private static <T> T pick(T changed, T kept) {
        return changed != null ? changed : kept;
    }

}
