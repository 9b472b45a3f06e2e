package dev.lockstep.auth.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Brute-force protection as data, with Keycloak's knobs and names, plus the doubling wait Cognito
 * uses. {@link #afterFailure} is the whole rule: given the failures so far, it says what one more
 * wrong attempt does.
 *
 * @param mode {@code PERMANENT} (locked until an operator unlocks), {@code TEMPORARY} (a wait that
 *        grows), or {@code MIXED} (temporary, then permanent after {@code maxTemporaryLockouts})
 * @param failureFactor failures before a lock
 * @param waitIncrement the unit of a temporary lock
 * @param maxWait the longest temporary lock
 * @param maxDeltaTime failures older than this (since the last one) are forgotten
 * @param quickLoginCheck two failures closer than this ...
 * @param minimumQuickLoginWait ... lock for at least this long
 * @param maxTemporaryLockouts in {@code MIXED} mode, temporary locks before a permanent one
 * @param strategy {@code MULTIPLE}: {@code waitIncrement * (failures / failureFactor)};
 *        {@code LINEAR}: {@code waitIncrement * (1 + failures - failureFactor)};
 *        {@code DOUBLING}: {@code waitIncrement * 2^(failures - failureFactor)} (Cognito)
 */
public record BruteForcePolicy(Mode mode, int failureFactor, Duration waitIncrement, Duration maxWait,
        Duration maxDeltaTime, Duration quickLoginCheck, Duration minimumQuickLoginWait, int maxTemporaryLockouts,
        Strategy strategy) {

    public enum Mode {
        PERMANENT,
        TEMPORARY,
        MIXED
    }

    public enum Strategy {
        MULTIPLE,
        LINEAR,
        DOUBLING
    }

    /** The failure count so far, and when the last one was. */
    public record Failures(int count, Instant lastFailure, int temporaryLockouts) {

        public static final Failures NONE = new Failures(0, null, 0);
    }

    /** What one more failure leads to: the new count, and a lock (until an instant, or for good). */
    public record Verdict(Failures failures, Instant lockedUntil, boolean permanent) {

        public boolean locks() {
            return permanent || lockedUntil != null;
        }
    }

    public static final Map<String, BruteForcePolicy> PRESETS = Map.of(
            // Keycloak's defaults (brute-force detection itself is off there by default)
            "keycloak-default", new BruteForcePolicy(Mode.TEMPORARY, 30, Duration.ofMinutes(1), Duration.ofMinutes(15),
                    Duration.ofHours(12), Duration.ofMillis(1000), Duration.ofMinutes(1), 0, Strategy.MULTIPLE),
            // Cognito: after 5 failures, 1 s doubling to about 15 min; 15 min without failures resets
            "cognito", new BruteForcePolicy(Mode.TEMPORARY, 5, Duration.ofSeconds(1), Duration.ofMinutes(15),
                    Duration.ofMinutes(15), Duration.ZERO, Duration.ZERO, 0, Strategy.DOUBLING),
            // NIST SP 800-63B: no more than 100 consecutive failures; then an operator (or recovery) unlocks
            "nist-800-63b", new BruteForcePolicy(Mode.PERMANENT, 100, Duration.ZERO, Duration.ZERO,
                    Duration.ofDays(3650), Duration.ZERO, Duration.ZERO, 0, Strategy.MULTIPLE),
            // for trainers: 3 failures lock for 15 minutes of sandbox time
            "demo", new BruteForcePolicy(Mode.TEMPORARY, 3, Duration.ofMinutes(15), Duration.ofMinutes(15),
                    Duration.ofHours(12), Duration.ZERO, Duration.ZERO, 0, Strategy.LINEAR));

    /** A compact text form for storage: {@code MODE;failureFactor;waitIncrement;…;STRATEGY}. */
    public String toText() {
        return String.join(";", mode.name(), Integer.toString(failureFactor), waitIncrement.toString(),
                maxWait.toString(), maxDeltaTime.toString(), quickLoginCheck.toString(), minimumQuickLoginWait.toString(),
                Integer.toString(maxTemporaryLockouts), strategy.name());
    }

    public static BruteForcePolicy fromText(String text) {
        String[] f = text.split(";");
        return new BruteForcePolicy(Mode.valueOf(f[0]), Integer.parseInt(f[1]), Duration.parse(f[2]),
                Duration.parse(f[3]), Duration.parse(f[4]), Duration.parse(f[5]), Duration.parse(f[6]),
                Integer.parseInt(f[7]), Strategy.valueOf(f[8]));
    }

    public static Optional<BruteForcePolicy> preset(String name) {
        return Optional.ofNullable(PRESETS.get(name));
    }

    /** Refuses values that make no lock or no sense; a reason, or null when the policy is sound. */
    public String problem() {
        if (failureFactor < 1 || failureFactor > 10_000) {
            return "failureFactor must be 1 to 10000";
        }
        for (Duration d : new Duration[] { waitIncrement, maxWait, maxDeltaTime, quickLoginCheck, minimumQuickLoginWait }) {
            if (d.isNegative() || d.compareTo(Duration.ofDays(3650)) > 0) {
                return "durations must be between PT0S and P3650D";
            }
        }
        if (mode != Mode.PERMANENT && (waitIncrement.isZero() || maxWait.isZero())) {
            return "a temporary or mixed lockout needs waitIncrement and maxWait above zero";
        }
        if (maxTemporaryLockouts < 0 || maxTemporaryLockouts > 1000) {
            return "maxTemporaryLockouts must be 0 to 1000";
        }
        return null;
    }

    /**
     * One more failure at {@code now}. Failures older than {@code maxDeltaTime} are forgotten first;
     * the caller does not count failures during a temporary lock (they do not extend it).
     */
    public Verdict afterFailure(Failures before, Instant now) {
        boolean stale = before.lastFailure() != null
                && Duration.between(before.lastFailure(), now).compareTo(maxDeltaTime) > 0;
        int count = (stale ? 0 : before.count()) + 1;
        int lockouts = stale ? 0 : before.temporaryLockouts();
        if (mode == Mode.PERMANENT) {
            return new Verdict(new Failures(count, now, lockouts), null, count >= failureFactor);
        }
        Duration wait = Duration.ZERO;
        if (count >= failureFactor) {
            wait = switch (strategy) {
                case MULTIPLE -> waitIncrement.multipliedBy(count / failureFactor);
                case LINEAR -> waitIncrement.multipliedBy(1L + count - failureFactor);
                case DOUBLING -> waitIncrement.multipliedBy(1L << Math.min(40, count - failureFactor));
            };
        }
        boolean quick = !stale && before.lastFailure() != null && quickLoginCheck.compareTo(Duration.ZERO) > 0
                && Duration.between(before.lastFailure(), now).compareTo(quickLoginCheck) < 0;
        if (quick && wait.compareTo(minimumQuickLoginWait) < 0) {
            wait = minimumQuickLoginWait;
        }
        if (wait.compareTo(maxWait) > 0) {
            wait = maxWait;
        }
        if (wait.isZero()) {
            return new Verdict(new Failures(count, now, lockouts), null, false);
        }
        lockouts++;
        boolean permanent = mode == Mode.MIXED && lockouts > maxTemporaryLockouts;
        return new Verdict(new Failures(count, now, lockouts), permanent ? null : now.plus(wait), permanent);
    }
}
