package dev.lockstep.auth.domain;

import dev.lockstep.platform.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** A user account. Usernames are unique regardless of case. */
@Entity
@Table(name = "account")
public class Account extends PanacheEntityBase {

    @Id
    @Column(length = 36)
    public String id;

    @Column(nullable = false, unique = true, length = 64)
    public String username;

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public AccountStatus status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;

    /** When support invalidated the password; until a new one is set, no password signs in. */
    @Column(name = "password_invalidated_at")
    public Instant passwordInvalidatedAt;

    /** The phone the account was created with (E.164): a SIM swap on it is a risk signal. */
    @Column(length = 20)
    public String phone;

    /** Where alerts go (new-device sign-ins); null: none are sent. */
    @Column(length = 254)
    public String email;

    /** When a sign-in asks for a second factor. */
    @Convert(converter = MfaMode.Column.class)
    @Column(name = "mfa_mode", nullable = false, length = 16)
    public MfaMode mfaMode = MfaMode.ALWAYS;

    /** A new account: active, with its first password. */
    public static Account open(String id, String username, String passwordHash, String phone, String email,
            Instant at) {
        Account account = new Account();
        account.id = id;
        account.username = canonical(username);
        account.passwordHash = passwordHash;
        account.phone = phone;
        account.email = email;
        account.status = AccountStatus.ACTIVE;
        account.createdAt = at;
        return account;
    }

    /** A permanent lock (the lockout policy's, support's or the risk engine's); a disabled account refuses it. */
    public void lock() {
        refuseIfDisabled("The account is disabled; enable it first");
        status = AccountStatus.LOCKED;
    }

    /** Locked, and no password signs in until a new one is set (suspicious activity, a risk lock). */
    public void lockAndInvalidatePassword(Instant at) {
        lock();
        passwordInvalidatedAt = at;
    }

    /** An operator ends a lock; a disabled account must be enabled instead. */
    public void unlock() {
        refuseIfDisabled("The account is disabled; enable it instead");
        status = AccountStatus.ACTIVE;
    }

    /** A recovery case restored access: any lock ends; a disabled account stays so. */
    public void unlockByRecovery() {
        refuseIfDisabled("The account is disabled; an operator must enable it");
        status = AccountStatus.ACTIVE;
    }

    /** An operator disables the account, whatever lock it had. */
    public void disable() {
        refuseIfDisabled("The account is already disabled");
        status = AccountStatus.DISABLED;
    }

    /** An operator enables a disabled account. */
    public void enable() {
        if (status != AccountStatus.DISABLED) {
            throw ProblemException.conflict("account-not-disabled", "The account is not disabled");
        }
        status = AccountStatus.ACTIVE;
    }

    /** A new password (support's, or a recovery's): it signs in again even if it was invalidated. */
    public void newPassword(String hash) {
        passwordHash = hash;
        passwordInvalidatedAt = null;
    }

    public boolean disabled() {
        return status == AccountStatus.DISABLED;
    }

    private void refuseIfDisabled(String title) {
        if (disabled()) {
            throw ProblemException.conflict("account-disabled", title);
        }
    }

    public static String canonical(String username) {
        return username.trim().toLowerCase(Locale.ROOT);
    }

    public static Optional<Account> findByUsername(String username) {
        return find("username", canonical(username)).firstResultOptional();
    }
}
