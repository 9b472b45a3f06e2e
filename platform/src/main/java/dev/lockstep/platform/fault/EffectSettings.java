package dev.lockstep.platform.fault;

import dev.lockstep.platform.problem.ProblemException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Checks of a fault rule's effect settings, the same in every service: each problem is {@code invalid-fault}. */
public final class EffectSettings {

    private EffectSettings() {
    }

    /** Refuses a setting given to an effect that does not use it. */
    public static void allow(String type, String field, Object value, String... types) {
        if (value != null && !List.of(types).contains(type)) {
            throw invalid(field + " belongs to the " + String.join(" and ", types) + " effect" + (types.length > 1 ? "s" : "")
                    + " only");
        }
    }

    /** An ISO-8601 duration between zero and {@code longest}. */
    public static Duration duration(String text, String field, Duration longest) {
        try {
            Duration d = Duration.parse(text);
            if (d.isNegative() || d.compareTo(longest) > 0) {
                throw invalid(field + " must be between PT0S and " + (longest.toSeconds() % 86_400 == 0
                        ? "P" + longest.toDays() + "D"
                        : longest.toString()));
            }
            return d;
        } catch (DateTimeParseException e) {
            throw invalid(field + " is not an ISO-8601 duration such as PT30S");
        }
    }

    public static ProblemException invalid(String title) {
        return ProblemException.badRequest("invalid-fault", title, null);
    }
}
