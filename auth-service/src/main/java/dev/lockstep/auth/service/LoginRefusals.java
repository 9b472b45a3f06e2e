package dev.lockstep.auth.service;

import dev.lockstep.auth.domain.Account;
import dev.lockstep.contracts.LoginFailed;
import dev.lockstep.contracts.Topic;
import dev.lockstep.platform.outbox.Outbox;
import dev.lockstep.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * How a login is refused and what a failure counts: a locked account answers like a wrong password
 * unless trainers reveal lock states; every refusal is an event, and a failed attempt (but for an
 * expired code, which is no guess) a count towards a lock.
 */
@ApplicationScoped
public class LoginRefusals {

    private final Outbox outbox;

    private final LockoutPolicies lockoutPolicies;

    private final AccountLocks accountLocks;

    private final FailureCounter failureCounter;

    public LoginRefusals(Outbox outbox, LockoutPolicies lockoutPolicies, AccountLocks accountLocks,
            FailureCounter failureCounter) {
        this.outbox = outbox;
        this.lockoutPolicies = lockoutPolicies;
        this.accountLocks = accountLocks;
        this.failureCounter = failureCounter;
    }

    /** A failed attempt ({@code reason}: {@code password}, {@code code-invalid}, …). */
    @Transactional
    public void recordFailure(String accountId, String challengeId, String correlationId, String reason) {
        outbox.publish(Topic.SIGN_INS, accountId, correlationId, new LoginFailed(accountId, challengeId, reason));
        if (!"code-expired".equals(reason)) {
            failureCounter.failure(accountId, !"password".equals(reason), correlationId);
        }
    }

    /**
     * A password step refused without a guess to count: an unknown name ({@code accountId} null, and the
     * event without a subject: the name typed is not repeated), a locked account, a blocked sign-in.
     * Its event is the one a wrong password writes, so that the two cost the same.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void recordRefusal(String accountId, String reason) {
        outbox.publish(Topic.SIGN_INS, accountId, null, new LoginFailed(accountId, null, reason));
    }

    /** Under the account's row lock: a lock that took effect meanwhile stops a right password too. */
    @Transactional(Transactional.TxType.MANDATORY)
    void refuseIfLocked(String accountId) {
        if (failureCounter.lockedNow(accountId)) {
            throw locked(accountLocks.lockOf(Account.findById(accountId)).orElseThrow());
        }
    }

    /** The account's lock, if it has one now. */
    Optional<AccountLocks.Lock> lockOf(Account account) {
        return accountLocks.lockOf(account);
    }

    /** By default a locked account answers like a wrong password (no enumeration); trainers may reveal it. */
    ProblemException locked(AccountLocks.Lock lock) {
        if (!lockoutPolicies.settings().revealLockState()) {
            return invalidCredentials();
        }
        ProblemException locked = new ProblemException(423, "account-locked", "The account is locked",
                lock.until() != null ? "It unlocks by itself at the time given." : "An operator or a recovery unlocks it.")
                .with("reason", lock.reason()).with("status", lock.status().name());
        return lock.until() != null ? locked.with("unlockAt", lock.until().toString()) : locked;
    }

    /** The risk engine blocked a right password: like a wrong one by default, 403 when locks are revealed. */
    ProblemException blocked() {
        if (!lockoutPolicies.settings().revealLockState()) {
            return invalidCredentials();
        }
        return new ProblemException(403, "sign-in-blocked", "This sign-in was blocked as risky",
                "Try again from a device and place this account has used before.");
    }

    static ProblemException invalidCredentials() {
        return new ProblemException(401, "invalid-credentials", "Invalid username or password", null);
    }
}
