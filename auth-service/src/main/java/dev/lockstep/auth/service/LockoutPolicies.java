package dev.lockstep.auth.service;

import dev.lockstep.auth.config.AuthConfig;
import dev.lockstep.auth.domain.Account;
import dev.lockstep.auth.domain.BruteForcePolicy;
import dev.lockstep.auth.domain.LockoutPolicySetting;
import dev.lockstep.platform.audit.AuditTrail;
import dev.lockstep.platform.problem.ProblemException;
import dev.lockstep.platform.settings.RuntimeSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Brute-force protection's policies: the sandbox's (a preset, or off, with Keycloak's knobs on top),
 * an account's own, and which one counts an account's failures. Changes are audited.
 */
@ApplicationScoped
public class LockoutPolicies {

    private static final String PRESET = "lockout.preset";
    private static final String SEPARATE = "lockout.separate-counters";
    private static final String REVEAL = "lockout.reveal-lock-state";
    /** The sandbox's policy when an operator set knobs on top of the preset (text form). */
    private static final String KNOBS = "lockout.policy";

    /** The sandbox's lockout settings: a preset (or {@code off}), counters apart, locks shown to clients. */
    public record Settings(String preset, boolean separateCounters, boolean revealLockState) {
    }

    /** A change to an account's policy: a preset ({@code off} exempts), and/or knobs overriding it. */
    public record PolicyChange(String preset, String mode, Integer failureFactor, String waitIncrement, String maxWait,
            String maxDeltaTime, String quickLoginCheck, String minimumQuickLoginWait, Integer maxTemporaryLockouts,
            String strategy) {
    }

    /** A policy as operators see it; {@code source} says whose it is ({@code account} or {@code sandbox}). */
    public record PolicyView(String source, String preset, String mode, Integer failureFactor, String waitIncrement,
            String maxWait, String maxDeltaTime, String quickLoginCheck, String minimumQuickLoginWait,
            Integer maxTemporaryLockouts, String strategy) {

        static PolicyView of(String source, String preset, BruteForcePolicy p) {
            if (p == null) {
                return new PolicyView(source, "off", null, null, null, null, null, null, null, null, null);
            }
            return new PolicyView(source, preset, p.mode().name().toLowerCase(Locale.ROOT), p.failureFactor(),
                    p.waitIncrement().toString(), p.maxWait().toString(), p.maxDeltaTime().toString(),
                    p.quickLoginCheck().toString(), p.minimumQuickLoginWait().toString(), p.maxTemporaryLockouts(),
                    p.strategy().name().toLowerCase(Locale.ROOT));
        }
    }

    private final AuthConfig config;

    private final AuditTrail audit;

    private final RuntimeSettings runtimeSettings;

    public LockoutPolicies(AuthConfig config, AuditTrail audit, RuntimeSettings runtimeSettings) {
        this.config = config;
        this.audit = audit;
        this.runtimeSettings = runtimeSettings;
    }

    public Settings settings() {
        AuthConfig.Lockout defaults = config.lockout();
        return new Settings(setting(PRESET).orElse(defaults.preset()),
                setting(SEPARATE).map(Boolean::parseBoolean).orElse(defaults.separateCounters()),
                setting(REVEAL).map(Boolean::parseBoolean).orElse(defaults.revealLockState()));
    }

    /**
     * Sets the sandbox's lockout: a preset (or {@code off}), optionally with Keycloak's knobs on top
     * ({@code knobs} null or without any knob: the preset as published). Audited.
     */
    @Transactional
    public Settings set(Settings settings, PolicyChange knobs, String operator) {
        if (!"off".equals(settings.preset()) && BruteForcePolicy.preset(settings.preset()).isEmpty()) {
            throw invalidPolicy("preset must be off, keycloak-default, cognito, nist-800-63b or demo");
        }
        boolean anyKnob = knobs != null && (knobs.mode() != null || knobs.failureFactor() != null
                || knobs.waitIncrement() != null || knobs.maxWait() != null || knobs.maxDeltaTime() != null
                || knobs.quickLoginCheck() != null || knobs.minimumQuickLoginWait() != null
                || knobs.maxTemporaryLockouts() != null || knobs.strategy() != null);
        if (anyKnob && "off".equals(settings.preset())) {
            throw invalidPolicy("knobs need a preset to start from (off turns brute-force protection off)");
        }
        if (anyKnob) {
            put(KNOBS, resolve(knobs, BruteForcePolicy.preset(settings.preset()).orElseThrow()).toText());
        } else {
            runtimeSettings.remove(KNOBS);
        }
        put(PRESET, settings.preset());
        put(SEPARATE, String.valueOf(settings.separateCounters()));
        put(REVEAL, String.valueOf(settings.revealLockState()));
        audit.record(operator, "lockout.settings", "sandbox", settings + (anyKnob ? " " + knobs : ""));
        return settings;
    }

    /** The sandbox's own policy (preset plus knobs), whatever any account has. */
    public PolicyView sandboxPolicy() {
        String preset = settings().preset();
        return PolicyView.of("sandbox", preset, sandboxPolicyIn().orElse(null));
    }

    private Optional<BruteForcePolicy> sandboxPolicyIn() {
        String preset = settings().preset();
        if ("off".equals(preset)) {
            return Optional.empty();
        }
        Optional<String> knobs = setting(KNOBS);
        return knobs.isPresent() ? knobs.map(BruteForcePolicy::fromText) : BruteForcePolicy.preset(preset);
    }

    /** The policy that counts an account's failures: its own, else the sandbox's; empty when off. */
    public Optional<BruteForcePolicy> policyFor(String accountId) {
        LockoutPolicySetting own = LockoutPolicySetting.findById(accountId);
        if (own != null) {
            return "off".equals(own.preset) ? Optional.empty() : Optional.of(own.policy());
        }
        return sandboxPolicyIn();
    }

    public PolicyView policyView(Account account) {
        LockoutPolicySetting own = LockoutPolicySetting.findById(account.id);
        if (own != null) {
            return PolicyView.of("account", own.preset, "off".equals(own.preset) ? null : own.policy());
        }
        return sandboxPolicy();
    }

    /** Sets an account's own policy; audited. */
    @Transactional
    public PolicyView setPolicy(Account account, PolicyChange change, String operator) {
        BruteForcePolicy chosen;
        if ("off".equals(change.preset())) {
            chosen = BruteForcePolicy.PRESETS.get("keycloak-default"); // kept, unused, while off
        } else {
            BruteForcePolicy base = change.preset() != null
                    ? BruteForcePolicy.preset(change.preset()).orElseThrow(() -> invalidPolicy(
                            "preset must be off, keycloak-default, cognito, nist-800-63b or demo"))
                    : policyFor(account.id).orElse(BruteForcePolicy.PRESETS.get("keycloak-default"));
            BruteForcePolicy policy = resolve(change, base);
            chosen = policy;
        }
        LockoutPolicySetting setting = LockoutPolicySetting.findById(account.id);
        if (setting == null) {
            setting = new LockoutPolicySetting();
            setting.accountId = account.id;
            setting.set(chosen, change.preset());
            setting.persist();
        } else {
            setting.set(chosen, change.preset());
        }
        audit.record(operator, "account.lockout-policy", account.id, change.toString());
        return policyView(account);
    }

    /** Removes an account's own policy: the sandbox's applies again. Audited. */
    @Transactional
    public void clearPolicy(Account account, String operator) {
        if (!LockoutPolicySetting.deleteById(account.id)) {
            throw ProblemException.notFound("lockout-policy-not-found", "The account has no policy of its own");
        }
        audit.record(operator, "account.lockout-policy.clear", account.id, null);
    }

    /** The knobs given in {@code change} over {@code base}; refused when the result is unusable. */
    private static BruteForcePolicy resolve(PolicyChange change, BruteForcePolicy base) {
        BruteForcePolicy policy = new BruteForcePolicy(
                change.mode() != null ? enumOf(BruteForcePolicy.Mode.class, change.mode(), "mode") : base.mode(),
                change.failureFactor() != null ? change.failureFactor() : base.failureFactor(),
                duration(change.waitIncrement(), base.waitIncrement(), "waitIncrement"),
                duration(change.maxWait(), base.maxWait(), "maxWait"),
                duration(change.maxDeltaTime(), base.maxDeltaTime(), "maxDeltaTime"),
                duration(change.quickLoginCheck(), base.quickLoginCheck(), "quickLoginCheck"),
                duration(change.minimumQuickLoginWait(), base.minimumQuickLoginWait(), "minimumQuickLoginWait"),
                change.maxTemporaryLockouts() != null ? change.maxTemporaryLockouts() : base.maxTemporaryLockouts(),
                change.strategy() != null ? enumOf(BruteForcePolicy.Strategy.class, change.strategy(), "strategy")
                        : base.strategy());
        String problem = policy.problem();
        if (problem != null) {
            throw invalidPolicy(problem);
        }
        return policy;
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String text, String field) {
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalidPolicy(
                    field + " is not one of " + Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
        }
    }

    private static Duration duration(String text, Duration fallback, String field) {
        if (text == null) {
            return fallback;
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw invalidPolicy(field + " is not an ISO-8601 duration such as PT1M");
        }
    }

    private static ProblemException invalidPolicy(String title) {
        return ProblemException.badRequest("invalid-lockout-policy", title, null);
    }

    private Optional<String> setting(String name) {
        return runtimeSettings.text(name);
    }

    private void put(String name, String value) {
        runtimeSettings.putText(name, value);
    }
}
