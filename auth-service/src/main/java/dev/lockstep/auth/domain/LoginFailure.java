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
}
