package dev.lockstep.auth.service;

import dev.lockstep.auth.domain.Account;
import dev.lockstep.auth.domain.BruteForcePolicy;
import dev.lockstep.auth.domain.LoginFailure;
import dev.lockstep.contracts.AccountLocked;
import dev.lockstep.contracts.Topic;
import dev.lockstep.platform.audit.AuditTrail;
import dev.lockstep.platform.clock.PeriodicTasks;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/**
 * Counts wrong passwords and wrong second-factor codes per account under the account's row lock (so
 * concurrent attempts never push the count past the policy), and locks as the account's policy says.
 */
@ApplicationScoped
public class FailureCounter {

    private final LockoutPolicies policies;

    private final AccountLocks locks;

    private final SandboxClock clock;

    private final Outbox outbox;

    private final AuditTrail audit;

    private final Event<PeriodicTasks.Due> due;

    public FailureCounter(LockoutPolicies policies, AccountLocks locks, SandboxClock clock, Outbox outbox, AuditTrail audit,
            Event<PeriodicTasks.Due> due) {
        this.due = due;
        this.policies = policies;
        this.locks = locks;
        this.clock = clock;
        this.outbox = outbox;
        this.audit = audit;
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
        return locks.lockOf(account).isPresent();
    }

    /** One wrong password ({@code secondFactor} false) or second-factor code; may lock the account. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void failure(String accountId, boolean secondFactor, String correlationId) {
        LockoutPolicies.Settings settings = policies.settings();
        Optional<BruteForcePolicy> policy = policies.policyFor(accountId);
        if (policy.isEmpty()) {
            return;
        }
        Account account = Account.findById(accountId, LockModeType.PESSIMISTIC_WRITE);
        if (locks.lockOf(account).isPresent()) {
            return; // failures during a lock do not extend it (Keycloak and Cognito alike)
        }
        LoginFailure failure = LoginFailure.of(accountId);
        Instant now = clock.instant();
        boolean apart = secondFactor && settings.separateCounters();
        BruteForcePolicy.Verdict verdict = policy.get().afterFailure(new BruteForcePolicy.Failures(
                apart ? failure.mfaFailures : failure.failures, apart ? failure.mfaLastFailureAt : failure.lastFailureAt,
                failure.temporaryLockouts), now);
        failure.counted(apart, verdict.failures().count(), verdict.failures().temporaryLockouts(), now);
        if (!verdict.locks()) {
            return;
        }
        String reason = secondFactor ? "second-factor-failures" : "password-failures";
        if (verdict.permanent()) {
            account.lock();
            failure.lockPermanently(reason);
        } else {
            failure.lockUntil(reason, verdict.lockedUntil());
            due.fire(new PeriodicTasks.Due(LockExpiry.TIMER, verdict.lockedUntil()));
        }
        audit.record("lockout-policy", "account.lock", accountId, failure.lockReason + " after "
                + verdict.failures().count() + " failures"
                + (failure.lockedUntil != null ? ", until " + failure.lockedUntil : ""));
        outbox.publish(Topic.AUTH_EVENTS, accountId, correlationId, new AccountLocked(accountId, failure.lockReason,
                failure.lockedUntil, verdict.failures().count()));
    }

    /** A completed sign-in: the counters start again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void success(String accountId) {
        LoginFailure failure = LoginFailure.findById(accountId, LockModeType.PESSIMISTIC_WRITE);
        if (failure != null) {
            failure.succeeded();
        }
    }
}
