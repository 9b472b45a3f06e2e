package dev.lockstep.auth.service;

import dev.lockstep.auth.domain.Account;
import dev.lockstep.auth.domain.PasswordHistory;
import dev.lockstep.platform.audit.AuditTrail;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * What a signed-in owner may change that needs the password: the password itself, removing a second
 * factor, signing out a device. While the account is locked (or its password invalidated) each is
 * refused with 423 {@code account-locked} (story S0, step 5); a wrong password counts like a wrong
 * login.
 */
@ApplicationScoped
public class OwnerActions {

    private final AccountLocks accountLocks;

    private final PasswordHasher hasher;

    private final OtpGateway otp;

    private final DeviceService devices;

    private final AuditTrail audit;

    private final LoginRefusals refusals;

    private final SandboxClock clock;

    public OwnerActions(AccountLocks accountLocks, PasswordHasher hasher, OtpGateway otp, DeviceService devices,
            AuditTrail audit,
            LoginRefusals refusals, SandboxClock clock) {
        this.accountLocks = accountLocks;
        this.hasher = hasher;
        this.otp = otp;
        this.devices = devices;
        this.audit = audit;
        this.refusals = refusals;
        this.clock = clock;
    }

    /** Changes the password, given the current one. */
    public void changePassword(String accountId, String currentPassword, String newPassword) {
        Account account = requirePassword(accountId, currentPassword);
        String hash = hasher.hash(newPassword); // slow on purpose: outside the transaction
        storePassword(account.id, hash);
    }

    @Transactional
    void storePassword(String accountId, String hash) {
        Account account = Account.findById(accountId, LockModeType.PESSIMISTIC_WRITE);
        refuseIfLocked(account);
        account.passwordHash = hash;
        PasswordHistory.remember(accountId, hash, clock.instant());
        audit.record("owner", "account.password-change", accountId, "changed by the owner");
    }

    /** Removes a phone, the authenticator app, the recovery key or the recovery codes, given the password. */
    public void removeFactor(String accountId, String password, String factorId) {
        requirePassword(accountId, password);
        otp.removeFactor(accountId, factorId);
        recordAudit(accountId, "factor.remove", factorId);
    }

    /** Signs a device out (forgets it): refused while the account is locked. */
    public void revokeDevice(String accountId, String deviceId) {
        refuseIfLocked(Account.findById(accountId));
        devices.revoke(accountId, deviceId, null, null);
    }

    @Transactional
    void recordAudit(String accountId, String action, String detail) {
        audit.record("owner", action, accountId, detail);
    }

    private Account requirePassword(String accountId, String password) {
        Account account = Account.findById(accountId);
        refuseIfLocked(account);
        if (!hasher.matches(password, account.passwordHash)) {
            refusals.recordFailure(accountId, null, null, "password");
            throw new ProblemException(401, "invalid-credentials", "The password is not right", null);
        }
        return account;
    }

    private void refuseIfLocked(Account account) {
        Optional<AccountLocks.Lock> lock = accountLocks.lockOf(account);
        if (lock.isEmpty() && account.passwordInvalidatedAt == null) {
            return;
        }
        // The owner is signed in, so saying why enumerates nothing.
        ProblemException locked = new ProblemException(423, "account-locked", "The account is locked",
                "This action needs the account's password, which cannot be used while the account is locked.")
                .with("reason", lock.map(AccountLocks.Lock::reason).orElse("password-invalidated"));
        throw lock.flatMap(l -> Optional.ofNullable(l.until())).map(until -> locked.with("unlockAt", until.toString()))
                .orElse(locked);
    }
}
