package dev.lockstep.auth.service;

import dev.lockstep.auth.domain.Account;
import dev.lockstep.auth.domain.AccountStatus;
import dev.lockstep.auth.domain.LoginFailure;
import dev.lockstep.contracts.AccountLocked;
import dev.lockstep.contracts.AccountUnlocked;
import dev.lockstep.contracts.PasswordInvalidated;
import dev.lockstep.contracts.Topic;
import dev.lockstep.platform.audit.AuditTrail;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.outbox.Outbox;
import dev.lockstep.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An account's locks: what it has now (disabled, locked, or a temporary lock until an instant), and
 * every way one begins or ends: suspicious activity and the risk engine's lock (both invalidate the
 * password), disable and enable, an operator's unlock, a temporary lock ending on the sandbox clock,
 * and recovery. Audited; an event each.
 */
@ApplicationScoped
public class AccountLocks {

    /** An account's lock right now: until an instant, or for good ({@code until} null). */
    public record Lock(AccountStatus status, String reason, Instant until) {
    }

    private final SandboxClock clock;

    private final Outbox outbox;

    private final AuditTrail audit;

    private final OwnerAlerts alerts;

    public AccountLocks(SandboxClock clock, Outbox outbox, AuditTrail audit, OwnerAlerts alerts) {
        this.clock = clock;
        this.outbox = outbox;
        this.audit = audit;
        this.alerts = alerts;
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
        account.lockAndInvalidatePassword(clock.instant());
        LoginFailure failure = LoginFailure.of(account.id);
        failure.lockPermanently(lockReason);
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
        account.disable();
        audit.record(operator, "account.disable", account.id, reason);
        outbox.publish(Topic.AUTH_EVENTS, account.id, null, new AccountLocked(account.id, "disabled", null, 0));
        return account;
    }

    /** An operator enables a disabled account; counters start again. Audited, an event. */
    @Transactional
    public Account enable(Account detached, String operator, String reason) {
        Account account = Account.findById(detached.id, LockModeType.PESSIMISTIC_WRITE);
        account.enable();
        clearCounters(account.id);
        audit.record(operator, "account.enable", account.id, reason);
        outbox.publish(Topic.AUTH_EVENTS, account.id, null, new AccountUnlocked(account.id, "admin"));
        return account;
    }

    /** Ends a temporary lock and starts the counters again (the caller holds the account's row lock). */
    static void clearCounters(String accountId) {
        LoginFailure failure = LoginFailure.findById(accountId);
        if (failure != null) {
            failure.clear();
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
        List<String> ended = LoginFailure.<LoginFailure> find("unlockAnnounced = false and lockedUntil <= ?1", now)
                .page(0, 100).list().stream().map(f -> f.accountId).toList();
        int announced = 0;
        for (String accountId : ended) {
            Account.findById(accountId, LockModeType.PESSIMISTIC_WRITE);
            LoginFailure failure = LoginFailure.findById(accountId);
            LoginFailure.getEntityManager().refresh(failure);
            Instant endedAt = failure.lockedUntil;
            if (!failure.announceEndedLock(now)) {
                continue;
            }
            audit.record("sandbox-clock", "account.unlock", accountId, "temporary lock ended at " + endedAt);
            outbox.publish(Topic.AUTH_EVENTS, accountId, null, new AccountUnlocked(accountId, "expired"));
            announced++;
        }
        return announced;
    }

    /** An operator ends a lock (temporary or permanent) and clears the counters. Audited, an event. */
    @Transactional
    public Account unlock(Account detached, String operator, String reason) {
        Account account = Account.findById(detached.id, LockModeType.PESSIMISTIC_WRITE);
        if (!account.disabled() && lockOf(account).isEmpty()) {
            throw ProblemException.conflict("account-not-locked", "The account is not locked");
        }
        account.unlock();
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
        boolean locked = !account.disabled() && lockOf(account).isPresent();
        account.unlockByRecovery();
        clearCounters(account.id);
        if (locked) {
            outbox.publish(Topic.AUTH_EVENTS, account.id, correlationId, new AccountUnlocked(account.id, "recovery"));
        }
    }
}
