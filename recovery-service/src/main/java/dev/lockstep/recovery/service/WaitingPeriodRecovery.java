package dev.lockstep.recovery.service;

import dev.lockstep.contracts.http.RecoveryCalls;
import dev.lockstep.platform.phone.PhoneNumbers;
import dev.lockstep.platform.problem.ProblemException;
import dev.lockstep.recovery.domain.CaseStatus;
import dev.lockstep.recovery.domain.RecoveryCase;
import dev.lockstep.recovery.domain.RecoveryPath;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Apple's recovery without a recovery key (S1): the account name and a trusted number, a recovery
 * phone verified by a code, then a wait the owner can cancel from the email and that any sign-in
 * (or one from another device, as configured) ends. The wait's end is {@link RecoveryTimers}' job.
 */
@ApplicationScoped
public class WaitingPeriodRecovery {

    /** The states in which a sign-in ends a waiting-period case. */
    private static final List<CaseStatus> WAITING_STATUSES = List.of(CaseStatus.VERIFYING_CONTACT, CaseStatus.WAITING);

    private final IdpGateway idp;

    private final Cases cases;

    private final CaseCodes codes;

    private final CaseLog log;

    private final ContactVerification contact;

    private final NewNumberLimits newNumbers;

    public WaitingPeriodRecovery(IdpGateway idp, Cases cases, CaseCodes codes, CaseLog log, ContactVerification contact,
            NewNumberLimits newNumbers) {
        this.idp = idp;
        this.cases = cases;
        this.codes = codes;
        this.log = log;
        this.contact = contact;
        this.newNumbers = newNumbers;
    }

    /**
     * Starts a waiting-period recovery: the account name and one of its trusted numbers (a wrong pair
     * answers exactly like an unknown account), and a recovery phone that gets a 6-digit code. The new
     * number is counted first, for the name and the caller's {@code address} ({@link NewNumberLimits}).
     */
    public RecoveryCase start(String username, String trustedPhone, String recoveryPhone, String deviceId,
            String address) {
        String trusted = PhoneNumbers.toE164(trustedPhone);
        String recovery = PhoneNumbers.toE164(recoveryPhone);
        newNumbers.admit(username, recovery, address);
        Optional<RecoveryCalls.AccountFacts> found = idp.account(username);
        boolean trustedPhoneMatches = idp.trustedPhone(found.map(RecoveryCalls.AccountFacts::id)
                .orElse(IdpGateway.NO_ACCOUNT), trusted).isPresent();
        if (found.isEmpty() || !trustedPhoneMatches) {
            throw noSuchAccount();
        }
        RecoveryCalls.AccountFacts account = found.get();
        if (idp.factors(account.id()).stream().anyMatch(f -> "recovery-key".equals(f.type()))) {
            throw new ProblemException(409, "recovery-key-required", "This account is protected by a recovery key",
                    "Recover it with the recovery key, or with a trusted phone and the current password. An account "
                            + "with a recovery key has no waiting-period recovery: without the key or a trusted phone it "
                            + "cannot be recovered.");
        }
        RecoverySettings.Settings now = cases.settingsNow();
        return QuarkusTransaction.requiringNew().call(() -> {
            RecoveryCase c = cases.start(RecoveryPath.WAITING_PERIOD, account.id(), account.username(), deviceId);
            c.ownerEmail = account.email();
            c.recoveryPhone = recovery;
            c.persist();
            contact.send(c, now);
            log.record(c, null, "owner", "recovery phone " + PhoneNumbers.mask(recovery) + " to verify");
            return c;
        });
    }

    /** The owner cancels a waiting-period recovery with the code from the email. */
    public RecoveryCase cancel(String caseId, String code, String reason) {
        RecoverySettings.Settings now = cases.settingsNow();
        CheckedCode checked = QuarkusTransaction.requiringNew().call(() -> {
            RecoveryCase c = Cases.lockOpen(caseId);
            CaseCodes.Outcome outcome = codes.check(c.id, "cancel", code, now.maxCodeAttempts(), true);
            if (outcome == CaseCodes.Outcome.VALID) {
                c.cancel("owner");
                log.record(c, null, "owner", reason != null ? reason : "cancelled from the email");
            }
            return new CheckedCode(c, outcome);
        });
        return checked.orThrow();
    }

    /**
     * Whether the account has a waiting-period recovery a sign-in could end: one read, and no write, so
     * that the sign-ins of every other account (nearly all of them) cost the consumer no transaction of
     * its own ({@code login.succeeded} is then not wanted, see {@code EventHandlers}). A case opened after
     * this read started after the sign-in, which {@link #signedIn} would leave alone anyway.
     */
    public boolean waiting(String accountId) {
        return QuarkusTransaction.joiningExisting().call(() -> RecoveryCase.count(
                "accountId = ?1 and path = ?2 and status in ?3", accountId, RecoveryPath.WAITING_PERIOD,
                WAITING_STATUSES) > 0);
    }

    /**
     * A sign-in to the account ended its waiting periods (any sign-in, or one from a device other
     * than the one that started the case, as configured); the owner is told. A sign-in from before a
     * case was opened leaves it alone, however late its event arrives. In the caller's transaction
     * (the consumer's).
     */
    public int signedIn(String accountId, String deviceId, Instant signedInAt, String correlationId) {
        String cancelOn = cases.settingsNow().cancelOn();
        return QuarkusTransaction.joiningExisting().call(() -> {
            List<RecoveryCase> waiting = RecoveryCase.<RecoveryCase> find(
                    "accountId = ?1 and path = ?2 and status in ?3 and createdAt <= ?4", accountId,
                    RecoveryPath.WAITING_PERIOD, WAITING_STATUSES, signedInAt)
                    .withLock(LockModeType.PESSIMISTIC_WRITE).list();
            int cancelled = 0;
            for (RecoveryCase c : waiting) {
                boolean sameDevice = deviceId != null && deviceId.equals(c.deviceId);
                if ("other-device".equals(cancelOn) && sameDevice) {
                    continue;
                }
                c.cancel("sign-in-during-wait");
                log.record(c, null, "auth-service",
                        "signed in " + (deviceId != null ? "from device " + deviceId : "") + " (login " + correlationId + ")");
                log.email(c, c.ownerEmail, OwnerMessages.cancelledBySignIn(c.username), "alert");
                cancelled++;
            }
            return cancelled;
        });
    }

    private static ProblemException noSuchAccount() {
        return ProblemException.notFound("account-not-found", "No account with this name and trusted phone number");
    }
}
