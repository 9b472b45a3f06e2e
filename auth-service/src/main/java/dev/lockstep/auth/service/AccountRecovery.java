package dev.lockstep.auth.service;

import dev.lockstep.auth.domain.Account;
import dev.lockstep.auth.domain.Device;
import dev.lockstep.auth.domain.LoginSession;
import dev.lockstep.auth.domain.PasswordHistory;
import dev.lockstep.contracts.http.RecoveryCalls;
import dev.lockstep.platform.audit.AuditEntry;
import dev.lockstep.platform.audit.AuditTrail;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * What recovery-service asks of auth-service: facts about an account, whether a password is (or was)
 * the account's, and at the end of a case, access restored. Hashing runs outside transactions.
 */
@ApplicationScoped
public class AccountRecovery {

    /** Passwords someone says the account had are checked against at most this many of its latest. */
    static final int HISTORY_DEPTH = 10;

    /** At most this many claimed passwords per check (each costs a hash per history entry). */
    public static final int MAX_CLAIMED = 5;

    static final String OPERATOR = "recovery-service";

    private final PasswordHasher hasher;

    private final AccountLocks accountLocks;

    private final SessionService sessions;

    private final DeviceService devices;

    private final OwnerAlerts alerts;

    private final AuditTrail audit;

    private final SandboxClock clock;

    private final LoginRefusals refusals;

    public AccountRecovery(PasswordHasher hasher, AccountLocks accountLocks, SessionService sessions, DeviceService devices,
            OwnerAlerts alerts, AuditTrail audit, SandboxClock clock, LoginRefusals refusals) {
        this.hasher = hasher;
        this.accountLocks = accountLocks;
        this.sessions = sessions;
        this.devices = devices;
        this.alerts = alerts;
        this.audit = audit;
        this.clock = clock;
        this.refusals = refusals;
    }

    public RecoveryCalls.AccountFacts facts(String username) {
        Account account = Account.findByUsername(username)
                .orElseThrow(() -> ProblemException.notFound("account-not-found", "No such account"));
        return new RecoveryCalls.AccountFacts(account.id, account.username, account.email,
                accountLocks.lockOf(account).map(l -> l.status().name()).orElse(account.status.name()));
    }

    /**
     * The account if {@code password} is its current password, even an invalidated one (story S0:
     * "a trusted device and your current password"). A wrong one counts like a wrong login; an
     * unknown name spends the same hash, so that the answer's time does not tell the two apart.
     */
    public RecoveryCalls.CredentialResult credentials(String username, String password) {
        Account account = Account.findByUsername(username).orElse(null);
        if (account == null) {
            hasher.matchNothing(password);
            return new RecoveryCalls.CredentialResult(false, null);
        }
        if (hasher.matches(password, account.passwordHash)) {
            return new RecoveryCalls.CredentialResult(true, facts(username));
        }
        refusals.recordFailure(account.id, null, null, "password");
        return new RecoveryCalls.CredentialResult(false, null);
    }

    /** How many of the claimed passwords the account really had (its latest {@value #HISTORY_DEPTH}). */
    public int historyMatches(String accountId, List<String> claimed) {
        find(accountId);
        List<String> hashes = PasswordHistory.latest(accountId, HISTORY_DEPTH).stream().map(h -> h.passwordHash)
                .distinct().toList();
        int matched = 0;
        for (String password : claimed.stream().distinct().toList()) {
            for (String hash : hashes) {
                if (hasher.matches(password, hash)) {
                    matched++;
                    break;
                }
            }
        }
        return matched;
    }

    /** Access restored at the end of a recovery case: once per case. */
    public void restore(String accountId, RecoveryCalls.Restore request) {
        find(accountId);
        String hash = hasher.hash(request.password()); // slow on purpose: outside the transaction
        restored(accountId, hash, request.caseId(), request.correlationId());
    }

    @Transactional
    void restored(String accountId, String hash, String caseId, String correlationId) {
        Account account = Account.findById(accountId, LockModeType.PESSIMISTIC_WRITE);
        if (AuditEntry.count("action = 'account.recovered' and target = ?1 and reason = ?2", accountId, caseId) > 0) {
            return; // this case already restored access
        }
        accountLocks.unlockByRecovery(account, correlationId);
        account.newPassword(hash);
        PasswordHistory.remember(accountId, hash, clock.instant());
        sessions.revokeAll(accountId, "account-recovered", OPERATOR);
        audit.record(OPERATOR, "account.recovered", accountId, caseId);
        alerts.send(account, "Your Lockstep account " + account.username + " was recovered: it has a new password and "
                + "every earlier sign-in was ended. If you did not ask for this, contact support.", correlationId);
    }

    /** Support escalation (S2): the sessions and devices that appeared since {@code since} go. Audited. */
    @Transactional
    public RecoveryCalls.Removed escalate(String accountId, RecoveryCalls.Escalation request) {
        Account account = Account.findById(accountId, LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            throw ProblemException.notFound("account-not-found", "No such account");
        }
        Instant since = request.since();
        List<LoginSession> intruding = LoginSession.<LoginSession> list(
                "accountId = ?1 and revokedAt is null and createdAt >= ?2", accountId, since);
        for (LoginSession session : intruding) {
            sessions.revoke(accountId, session.id, "escalation", null);
        }
        List<Device> added = Device.list("accountId = ?1 and firstSeen >= ?2", accountId, since);
        for (Device device : added) {
            devices.revoke(accountId, device.id, null, null);
        }
        audit.record(OPERATOR, "account.escalation", accountId, request.caseId() + ": " + intruding.size()
                + " sessions and " + added.size() + " devices since " + since + " removed");
        return new RecoveryCalls.Removed(intruding.size(), added.size(), 0);
    }

    private static Account find(String accountId) {
        Account account = Account.findById(accountId);
        if (account == null) {
            throw ProblemException.notFound("account-not-found", "No such account");
        }
        return account;
    }
}
