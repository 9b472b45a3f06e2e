package dev.lockstep.auth.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An account's failure counters and the lock they led to; read and written under a row lock. */
@Entity
@Table(name = "login_failure")
public class LoginFailure extends PanacheEntityBase {

    @Id
    @Column(name = "account_id", length = 36)
    public String accountId;

    @Column(nullable = false)
    public int failures;

    @Column(name = "last_failure_at")
    public Instant lastFailureAt;

    /** Second-factor failures, when the policy counts them apart from passwords. */
    @Column(name = "mfa_failures", nullable = false)
    public int mfaFailures;

    @Column(name = "mfa_last_failure_at")
    public Instant mfaLastFailureAt;

    @Column(name = "temporary_lockouts", nullable = false)
    public int temporaryLockouts;

    /** The end of a temporary lock (sandbox clock); a permanent lock is the account's status. */
    @Column(name = "locked_until")
    public Instant lockedUntil;

    @Column(name = "lock_reason", length = 64)
    public String lockReason;

    /** False while the end of a temporary lock has not been announced (account.unlocked, cause expired). */
    @Column(name = "unlock_announced", nullable = false)
    public boolean unlockAnnounced = true;

    /** The account's record, made on its first failure or lock (the caller holds the account's row lock). */
    public static LoginFailure of(String accountId) {
        LoginFailure failure = findById(accountId);
        if (failure == null) {
            failure = new LoginFailure();
            failure.accountId = accountId;
            failure.persist();
        }
        return failure;
    }

    /** One more failure as the policy counted it: second-factor ones on their own counter when kept apart. */
    public void counted(boolean secondFactorApart, int count, int temporaryLockoutsSoFar, Instant now) {
        if (secondFactorApart) {
            mfaFailures = count;
            mfaLastFailureAt = now;
        } else {
            failures = count;
            lastFailureAt = now;
        }
        temporaryLockouts = temporaryLockoutsSoFar;
    }

    /** A temporary lock until {@code until}; its end is announced once it passes. */
    public void lockUntil(String reason, Instant until) {
        lockReason = reason;
        lockedUntil = until;
        unlockAnnounced = false;
    }

    /** The reason for a permanent lock, which is the account's status ({@link Account#lock()}). */
    public void lockPermanently(String reason) {
        lockReason = reason;
        lockedUntil = null;
    }

    /** A completed sign-in: the counters start again (a lock, if any, stays). */
    public void succeeded() {
        failures = 0;
        mfaFailures = 0;
        temporaryLockouts = 0;
    }

    /** Unlocked: no lock, the counters start again. */
    public void clear() {
        succeeded();
        lockedUntil = null;
        lockReason = null;
        unlockAnnounced = true;
    }

    /**
     * The temporary lock ended by {@code now} and was not announced yet: it is marked announced, so it
     * is announced once.
     */
    public boolean announceEndedLock(Instant now) {
        if (unlockAnnounced || lockedUntil == null || lockedUntil.isAfter(now)) {
            return false;
        }
        unlockAnnounced = true;
        lockReason = null;
        return true;
    }
}
