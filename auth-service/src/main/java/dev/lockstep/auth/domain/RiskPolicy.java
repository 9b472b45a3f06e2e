package dev.lockstep.auth.domain;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Risk-based authentication as data (Cognito's adaptive authentication, with Lockstep's signals):
 * each signal adds its weight to a score; the score falls in a level ({@code low} below
 * {@code mediumAt}, {@code high} from {@code highAt}); each level has an action and may email the
 * owner. {@code enabled} false: nothing is weighed and every login is {@code allow}.
 *
 * @param actions per level: {@code allow}, {@code require-mfa} (a second factor even where it would be
 *        skipped), {@code block} (this attempt fails) or {@code lock} (the account locks and its password
 *        is invalidated, story S0)
 * @param compromisedPasswordSha256 SHA-256 (hex) of passwords known to be breached; never the passwords
 */
public record RiskPolicy(boolean enabled, Map<String, Integer> weights, int mediumAt, int highAt,
        Map<String, String> actions, Map<String, Boolean> alertOwner, int impossibleTravelKmh, int stuffingAccounts,
        Duration stuffingWindow, int deviceAccounts, Duration deviceWindow, Duration simSwapWindow,
        List<String> compromisedPasswordSha256, List<GeoIp.Range> geoip) {

    public static final List<String> SIGNALS = List.of("new-device", "new-country", "impossible-travel",
            "credential-stuffing", "device-many-accounts", "sim-swap", "compromised-password");
    public static final List<String> LEVELS = List.of("low", "medium", "high");
    public static final List<String> ACTIONS = Arrays.stream(RiskAction.values()).map(RiskAction::wire).toList();

    /** The passwords of the default compromised list (the most common in public breach corpora). */
    public static final List<String> COMMON_BREACHED = List.of("123456", "password", "123456789", "12345678",
            "qwerty", "abc123", "111111", "letmein", "iloveyou", "P@ssw0rd", "password1", "admin");

    /** Off, as Cognito's adaptive authentication is until turned on; tuned so the stories trip it. */
    public static RiskPolicy defaults(List<String> commonBreachedSha256) {
        Map<String, Integer> weights = new LinkedHashMap<>();
        weights.put("new-device", 20);
        weights.put("new-country", 25);
        weights.put("impossible-travel", 60);
        weights.put("credential-stuffing", 40);
        weights.put("device-many-accounts", 30);
        weights.put("sim-swap", 50);
        weights.put("compromised-password", 45);
        return new RiskPolicy(false, weights, 30, 60,
                Map.of("low", "allow", "medium", "require-mfa", "high", "block"),
                Map.of("low", false, "medium", false, "high", true),
                1000, 5, Duration.ofMinutes(10), 4, Duration.ofHours(1), Duration.ofDays(7),
                commonBreachedSha256, GeoIp.DEFAULT);
    }

    /** What was decided for one attempt. */
    public record Assessment(int score, String level, List<String> signals, RiskAction action, boolean alertOwner) {

        public static final Assessment NONE = new Assessment(0, "low", List.of(), RiskAction.ALLOW, false);
    }

    /** Scores the signals that fired (in {@link #SIGNALS} order) and picks the level's action. */
    public Assessment assess(Set<String> fired) {
        if (!enabled) {
            return Assessment.NONE;
        }
        List<String> signals = new ArrayList<>();
        int score = 0;
        for (String signal : SIGNALS) {
            if (fired.contains(signal)) {
                signals.add(signal);
                score += weights.getOrDefault(signal, 0);
            }
        }
        String level = score >= highAt ? "high" : score >= mediumAt ? "medium" : "low";
        return new Assessment(score, level, List.copyOf(signals), RiskAction.of(actions.get(level)),
                Boolean.TRUE.equals(alertOwner.get(level)));
    }

    /** Why the policy cannot be used, or null when it can. */
    public String problem() {
        for (String signal : weights.keySet()) {
            if (!SIGNALS.contains(signal)) {
                return "weights: unknown signal " + signal + " (one of " + SIGNALS + ")";
            }
        }
        if (weights.values().stream().anyMatch(w -> w == null || w < 0 || w > 1000)) {
            return "weights must be between 0 and 1000";
        }
        if (mediumAt < 1 || highAt < mediumAt) {
            return "thresholds must satisfy 1 <= mediumAt <= highAt";
        }
        for (String level : LEVELS) {
            if (!ACTIONS.contains(actions.get(level))) {
                return "actions." + level + " must be one of " + ACTIONS;
            }
        }
        if (!LEVELS.containsAll(actions.keySet()) || !LEVELS.containsAll(alertOwner.keySet())) {
            return "actions and alertOwner take the levels " + LEVELS;
        }
        if (impossibleTravelKmh < 1 || stuffingAccounts < 2 || deviceAccounts < 2) {
            return "impossibleTravelKmh must be positive; stuffingAccounts and deviceAccounts at least 2";
        }
        for (Duration window : List.of(stuffingWindow, deviceWindow, simSwapWindow)) {
            if (window.isNegative() || window.isZero()) {
                return "windows must be positive durations";
            }
        }
        for (GeoIp.Range range : geoip) {
            String problem = GeoIp.problem(range);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    /** Parses an ISO-8601 duration for a field, or returns null when the text is not one. */
    public static Duration duration(String text) {
        try {
            return text == null ? null : Duration.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
