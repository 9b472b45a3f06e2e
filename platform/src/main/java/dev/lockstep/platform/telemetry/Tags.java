package dev.lockstep.platform.telemetry;

/** Metric tag values: a tag must have one, so a missing value is counted as {@code none}. */
public final class Tags {

    private Tags() {
    }

    public static String orNone(String value) {
        return value != null ? value : "none";
    }
}
