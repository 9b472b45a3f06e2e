package dev.lockstep.auth.service;

import dev.lockstep.auth.domain.Account;
import dev.lockstep.auth.domain.MfaMode;
import dev.lockstep.auth.domain.PasswordHistory;
import dev.lockstep.contracts.AccountCreated;
import dev.lockstep.contracts.MfaModeChanged;
import dev.lockstep.contracts.Topic;
import dev.lockstep.contracts.TotpReset;
import dev.lockstep.platform.audit.AuditEntry;
import dev.lockstep.platform.audit.AuditTrail;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.outbox.Outbox;
import dev.lockstep.platform.phone.PhoneNumbers;
import dev.lockstep.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Creating and reading accounts (operator use cases). */
@ApplicationScoped
public class AccountService {

    private final PasswordHasher hasher;

    private final Outbox outbox;

    private final SandboxClock clock;

    private final AuditTrail audit;

    public AccountService(PasswordHasher hasher, Outbox outbox, SandboxClock clock, AuditTrail audit) {
        this.hasher = hasher;
        this.outbox = outbox;
        this.clock = clock;
        this.audit = audit;
    }

    public record NewAccount(Account account, String phone) {
    }

    /**
     * Creates an account whose phone becomes its first trusted SMS factor (otp-service owns it and
     * learns of it from the {@code account.created} event). Audited.
     */
    public NewAccount create(String username, String password, String rawPhone, String email, String operator) {
        String phone = PhoneNumbers.toE164(rawPhone);
        String hash = hasher.hash(password); // slow on purpose: outside the transaction
        return persist(username, hash, phone, email != null ? email.trim().toLowerCase(Locale.ROOT) : null, operator);
    }

    @Transactional
    NewAccount persist(String username, String hash, String phone, String email, String operator) {
        String canonical = Account.canonical(username);
        if (Account.count("username", canonical) > 0) {
            throw new ProblemException(409, "username-taken", "The username is taken", null);
        }
        Account account = Account.open(UUID.randomUUID().toString(), canonical, hash, phone, email, clock.instant());
        account.persist();
        PasswordHistory.remember(account.id, hash, account.createdAt);

        audit.record(operator, "account.create", account.id, null);

        outbox.publish(Topic.AUTH_EVENTS, account.id, null, new AccountCreated(account.id, canonical, phone));
        return new NewAccount(account, phone);
    }

    /** A support action: second factor {@code off} (password only) or back {@code always}. Audited, and an event. */
    @Transactional
    public Account setMfaMode(String username, MfaMode mode, String operator, String reason) {
        Account account = get(username);
        account.mfaMode = mode;
        audit.record(operator, "account.mfa-mode." + mode.wire(), account.id, reason);
        outbox.publish(Topic.AUTH_EVENTS, account.id, null, new MfaModeChanged(account.id, mode.wire(), operator, reason));
        return account;
    }

    /** A support action: the owner's authenticator app is forgotten (otp-service removes it). Audited, an event. */
    @Transactional
    public void resetTotp(String username, String operator, String reason) {
        Account account = get(username);
        audit.record(operator, "account.totp-reset", account.id, reason);
        outbox.publish(Topic.AUTH_EVENTS, account.id, null, new TotpReset(account.id, operator, reason));
    }

    /** Support sets a new password (after suspicious activity, or for the owner); audited. */
    public Account resetPassword(String username, String password, String operator, String reason) {
        Account account = get(username);
        String hash = hasher.hash(password); // slow on purpose: outside the transaction
        return storePassword(account.id, hash, operator, reason);
    }

    @Transactional
    Account storePassword(String accountId, String hash, String operator, String reason) {
        Account account = Account.findById(accountId, LockModeType.PESSIMISTIC_WRITE);
        account.newPassword(hash);
        PasswordHistory.remember(account.id, hash, clock.instant());
        audit.record(operator, "account.password-reset", account.id, reason);
        return account;
    }

    /** The operator actions on an account, oldest first. */
    public List<AuditEntry> auditTrail(String username) {
        return AuditEntry.list("target = ?1 order by at, id", get(username).id);
    }

    public Account get(String username) {
        return Account.findByUsername(username)
                .orElseThrow(() -> ProblemException.notFound("account-not-found", "No such account"));
    }
}
