package dev.lockstep.auth.service;

import dev.lockstep.auth.config.AuthConfig;
import dev.lockstep.auth.domain.Account;
import dev.lockstep.auth.domain.AccountStatus;
import dev.lockstep.auth.domain.AuthSetting;
import dev.lockstep.auth.domain.BruteForcePolicy;
import dev.lockstep.auth.domain.LockoutPolicySetting;
import dev.lockstep.auth.domain.LoginFailure;
import dev.lockstep.contracts.AccountLocked;
import dev.lockstep.contracts.AccountUnlocked;
import dev.lockstep.contracts.PasswordInvalidated;
import dev.lockstep.contracts.Topic;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.outbox.Outbox;
import dev.lockstep.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Brute-force protection: counts wrong passwords and wrong second-factor codes per account under the
 * account's row lock (so concurrent attempts never push the count past the policy), locks as the
 * policy says, and lets temporary locks end on the sandbox clock.
 */
@ApplicationScoped
public class LockoutService {

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

    /** An account's lock right now: until an instant, or for good ({@code until} null). */
    public record Lock(AccountStatus status, String reason, Instant until) {
    }

    @Inject
    AuthConfig config;

    @Inject
    SandboxClock clock;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    @Inject
    OwnerAlerts alerts;

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
            AuthSetting.deleteById(KNOBS);
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
            throw invalidPolicy(field + " is not one of " + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
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

    /** The account's lock now, if it has one (a temporary lock that ended is none). */
    public Optional<Lock> lockOf(Account account) {
        LoginFailure failure = LoginFailure.findById(account.id);
        if (account.status == AccountStatus.DISABLED) {
            return Optional.of(new Lock(AccountStatus.DISABLED, "disabled", null));
        }
        if (account.status == AccountStatus.LOCKED) {
            return Optional.of(new Lock(AccountStatus.LOCKED, failure != null ? failure.lockReason : null, null));
        }
        if (failure != null && failure.lockedUntil != null && clock.instant().isBefore(failure.lockedUntil)) {
            return Optional.of(new Lock(AccountStatus.LOCKED_TEMPORARILY, failure.lockReason, failure.lockedUntil));
        }
        return Optional.empty();
    }

    /** The counters, for operators. */
    public Optional<LoginFailure> counters(String accountId) {
        return Optional.ofNullable(LoginFailure.findById(accountId));
    }

    /**
     * The account locked, in the caller's transaction and under the account's row lock: the check a
     * right password must pass before it opens a challenge or signs in.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean lockedNow(String accountId) {
        Account account = Account.findById(accountId, LockModeType.PESSIMISTIC_WRITE);
        return lockOf(account).isPresent();
    }

    /** One wrong password ({@code secondFactor} false) or second-factor code; may lock the account. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void failure(String accountId, boolean secondFactor, String correlationId) {
        Settings settings = settings();
        Optional<BruteForcePolicy> policy = policyFor(accountId);
        if (policy.isEmpty()) {
            return;
        }
        Account account = Account.findById(accountId, LockModeType.PESSIMISTIC_WRITE);
        if (lockOf(account).isPresent()) {
            return; // failures during a lock do not extend it (Keycloak and Cognito alike)
        }
        LoginFailure failure = LoginFailure.findById(accountId);
        if (failure == null) {
            failure = new LoginFailure();
            failure.accountId = accountId;
            failure.persist();
        }
        Instant now = clock.instant();
        boolean apart = secondFactor && settings.separateCounters();
        BruteForcePolicy.Verdict verdict = policy.get().afterFailure(new BruteForcePolicy.Failures(
                apart ? failure.mfaFailures : failure.failures, apart ? failure.mfaLastFailureAt : failure.lastFailureAt,
                failure.temporaryLockouts), now);
        if (apart) {
            failure.mfaFailures = verdict.failures().count();
            failure.mfaLastFailureAt = now;
        } else {
            failure.failures = verdict.failures().count();
            failure.lastFailureAt = now;
        }
        failure.temporaryLockouts = verdict.failures().temporaryLockouts();
        if (!verdict.locks()) {
            return;
        }
        failure.lockReason = secondFactor ? "second-factor-failures" : "password-failures";
        if (verdict.permanent()) {
            account.status = AccountStatus.LOCKED;
            failure.lockedUntil = null;
        } else {
            failure.lockedUntil = verdict.lockedUntil();
            failure.unlockAnnounced = false;
        }
        audit.record("lockout-policy", "account.lock", accountId, failure.lockReason + " after "
                + verdict.failures().count() + " failures" + (failure.lockedUntil != null ? ", until " + failure.lockedUntil : ""));
        outbox.publish(Topic.AUTH_EVENTS, accountId, correlationId, new AccountLocked(accountId, failure.lockReason,
                failure.lockedUntil, verdict.failures().count()));
    }

    /** A completed sign-in: the counters start again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void success(String accountId) {
        LoginFailure failure = LoginFailure.findById(accountId, LockModeType.PESSIMISTIC_WRITE);
        if (failure != null) {
            failure.failures = 0;
            failure.mfaFailures = 0;
            failure.temporaryLockouts = 0;
        }
    }

    /**
     * Support saw suspicious activity (S0, S4): the account is locked and its password invalidated.
     * Audited; events for both.
     */
    @Transactional
    public Account suspiciousActivity(Account detached, String operator, String reason) {
        Account account = lockAndInvalidate(detached.id, "suspicious-activity", operator, "account.suspicious-activity",
                reason, null);
        alerts.send(account, "Your Lockstep account " + account.username + " may have been used without your "
                + "authorization. For your protection we locked it and disabled your old password. Reset it now.", null);
        return account;
    }

    /** The risk engine's {@code lock} action (story S0): as suspicious activity, by the engine. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Account riskLock(String accountId, String level, String signals, String correlationId) {
        return lockAndInvalidate(accountId, "risk-" + level, "risk-engine", "account.risk-lock", signals, correlationId);
    }

    private Account lockAndInvalidate(String accountId, String lockReason, String operator, String action,
            String detail, String correlationId) {
        Account account = Account.findById(accountId, LockModeType.PESSIMISTIC_WRITE);
        if (account.status == AccountStatus.DISABLED) {
            throw ProblemException.conflict("account-disabled", "The account is disabled; enable it first");
        }
        account.status = AccountStatus.LOCKED;
        account.passwordInvalidatedAt = clock.instant();
        LoginFailure failure = LoginFailure.findById(account.id);
        if (failure == null) {
            failure = new LoginFailure();
            failure.accountId = account.id;
            failure.persist();
        }
        failure.lockedUntil = null;
        failure.lockReason = lockReason;
        audit.record(operator, action, account.id, detail);
        outbox.publish(Topic.AUTH_EVENTS, account.id, correlationId, new AccountLocked(account.id, lockReason, null,
                failure.failures));
        outbox.publish(Topic.AUTH_EVENTS, account.id, correlationId, new PasswordInvalidated(account.id, lockReason));
        return account;
    }

    /** An operator disables the account (status DISABLED, whatever lock it had). Audited, an event. */
    @Transactional
    public Account disable(Account detached, String operator, String reason) {
        Account account = Account.findById(detached.id, LockModeType.PESSIMISTIC_WRITE);
        if (account.status == AccountStatus.DISABLED) {
            throw ProblemException.conflict("account-disabled", "The account is already disabled");
        }
        account.status = AccountStatus.DISABLED;
        audit.record(operator, "account.disable", account.id, reason);
        outbox.publish(Topic.AUTH_EVENTS, account.id, null, new AccountLocked(account.id, "disabled", null, 0));
        return account;
    }

    /** An operator enables a disabled account; counters start again. Audited, an event. */
    @Transactional
    public Account enable(Account detached, String operator, String reason) {
        Account account = Account.findById(detached.id, LockModeType.PESSIMISTIC_WRITE);
        if (account.status != AccountStatus.DISABLED) {
            throw ProblemException.conflict("account-not-disabled", "The account is not disabled");
        }
        account.status = AccountStatus.ACTIVE;
        clearCounters(account.id);
        audit.record(operator, "account.enable", account.id, reason);
        outbox.publish(Topic.AUTH_EVENTS, account.id, null, new AccountUnlocked(account.id, "admin"));
        return account;
    }

    private static void clearCounters(String accountId) {
        LoginFailure failure = LoginFailure.findById(accountId);
        if (failure != null) {
            failure.lockedUntil = null;
            failure.lockReason = null;
            failure.failures = 0;
            failure.mfaFailures = 0;
            failure.temporaryLockouts = 0;
            failure.unlockAnnounced = true;
        }
    }

    /**
     * Announces temporary locks that ended on the sandbox clock ({@code account.unlocked}, cause
     * {@code expired}), once each even with several instances (under the account's row lock).
     *
     * @return how many it announced
     */
    @Transactional
    public int announceExpiredLocks() {
        Instant now = clock.instant();
        List<String> ended = LoginFailure.<LoginFailure>find("unlockAnnounced = false and lockedUntil <= ?1", now)
                .page(0, 100).list().stream().map(f -> f.accountId).toList();
        int announced = 0;
        for (String accountId : ended) {
            Account.findById(accountId, LockModeType.PESSIMISTIC_WRITE);
            LoginFailure failure = LoginFailure.findById(accountId);
            LoginFailure.getEntityManager().refresh(failure);
            if (failure.unlockAnnounced || failure.lockedUntil == null || failure.lockedUntil.isAfter(now)) {
                continue;
            }
            failure.unlockAnnounced = true;
            failure.lockReason = null;
            audit.record("sandbox-clock", "account.unlock", accountId, "temporary lock ended at " + failure.lockedUntil);
            outbox.publish(Topic.AUTH_EVENTS, accountId, null, new AccountUnlocked(accountId, "expired"));
            announced++;
        }
        return announced;
    }

    /** An operator ends a lock (temporary or permanent) and clears the counters. Audited, an event. */
    @Transactional
    public Account unlock(Account detached, String operator, String reason) {
        Account account = Account.findById(detached.id, LockModeType.PESSIMISTIC_WRITE);
        if (account.status == AccountStatus.DISABLED) {
            throw ProblemException.conflict("account-disabled", "The account is disabled; enable it instead");
        }
        if (lockOf(account).isEmpty()) {
            throw ProblemException.conflict("account-not-locked", "The account is not locked");
        }
        account.status = AccountStatus.ACTIVE;
        clearCounters(account.id);
        audit.record(operator, "account.unlock", account.id, reason);
        outbox.publish(Topic.AUTH_EVENTS, account.id, null, new AccountUnlocked(account.id, "admin"));
        return account;
    }

    /**
     * A recovery case restored access: any lock ends (cause {@code recovery}) and the counters start
     * again. In the caller's transaction, under the account's row lock; a disabled account stays so.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void unlockByRecovery(Account account, String correlationId) {
        if (account.status == AccountStatus.DISABLED) {
            throw ProblemException.conflict("account-disabled", "The account is disabled; an operator must enable it");
        }
        boolean locked = lockOf(account).isPresent();
        account.status = AccountStatus.ACTIVE;
        clearCounters(account.id);
        if (locked) {
            outbox.publish(Topic.AUTH_EVENTS, account.id, correlationId, new AccountUnlocked(account.id, "recovery"));
        }
    }

    private static Optional<String> setting(String name) {
        AuthSetting setting = AuthSetting.findById(name);
        return Optional.ofNullable(setting).map(s -> s.value);
    }

    private static void put(String name, String value) {
        AuthSetting setting = AuthSetting.findById(name);
        if (setting == null) {
            setting = new AuthSetting();
            setting.name = name;
            setting.value = value;
            setting.persist();
        } else {
            setting.value = value;
        }
    }
}
