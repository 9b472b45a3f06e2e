package dev.lockstep.recovery.service;

import dev.lockstep.contracts.http.CodeCheckResult;
import dev.lockstep.contracts.http.FactorView;
import dev.lockstep.contracts.http.RecoveryCalls;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.phone.PhoneNumbers;
import dev.lockstep.platform.problem.ProblemException;
import dev.lockstep.recovery.domain.AccountProfile;
import dev.lockstep.recovery.domain.FormSubmission;
import dev.lockstep.recovery.domain.MailFact;
import dev.lockstep.recovery.domain.RecoveryCase;
import dev.lockstep.recovery.domain.RecoveryCase.Path;
import dev.lockstep.recovery.domain.RecoveryCase.Status;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The owner's ways back into an account (stories S0, S1, S4) and the operator's (S2). Calls to
 * auth-service and otp-service happen between this service's own transactions, never inside them;
 * a wrong code is counted (committed) before the refusal is answered.
 */
@ApplicationScoped
public class RecoveryService {

    /** Codes a case sends at most (the first and the resends). */
    static final int MAX_SENDS = 5;

    /** How long a verified trusted-phone code lets the owner set a new password. */
    static final Duration VERIFIED_WINDOW = Duration.ofMinutes(15);

    @Inject
    IdpGateway idp;

    @Inject
    CaseCodes codes;

    @Inject
    CaseLog log;

    @Inject
    RecoverySettings settings;

    @Inject
    SandboxClock clock;

    public record TrustedPhoneCase(RecoveryCase recoveryCase, List<FactorView> phones) {
    }

    // ---- S1: waiting period -------------------------------------------------------------------

    /**
     * Starts a waiting-period recovery: the account name and one of its trusted numbers (a wrong pair
     * answers exactly like an unknown account), and a recovery phone that gets a 6-digit code.
     */
    public RecoveryCase startWaitingPeriod(String username, String trustedPhone, String recoveryPhone, String deviceId) {
        String trusted = PhoneNumbers.toE164(trustedPhone);
        String recovery = PhoneNumbers.toE164(recoveryPhone);
        RecoveryCalls.AccountFacts account = idp.account(username).orElseThrow(RecoveryService::noSuchAccount);
        if (idp.trustedPhone(account.id(), trusted).isEmpty()) {
            throw noSuchAccount();
        }
        if (idp.factors(account.id()).stream().anyMatch(f -> "recovery-key".equals(f.type()))) {
            throw new ProblemException(409, "recovery-key-required", "This account is protected by a recovery key",
                    "Recover it with the recovery key, or with a trusted phone and the current password. An account "
                            + "with a recovery key has no waiting-period recovery: without the key or a trusted phone it "
                            + "cannot be recovered.");
        }
        RecoverySettings.Settings now = settingsNow();
        return QuarkusTransaction.requiringNew().call(() -> {
            RecoveryCase c = newCase(account.id(), account.username(), Path.WAITING_PERIOD, deviceId);
            c.ownerEmail = account.email();
            c.recoveryPhone = recovery;
            c.sends = 1;
            c.persist();
            String code = codes.issue(c.id, "contact", 6, now.contactCodeTtl());
            log.sms(c, recovery, "Your Lockstep account recovery code is " + code + ". It confirms this number as "
                    + "the recovery number for " + c.username + ".", "recovery-code");
            log.change(c, Status.VERIFYING_CONTACT, "started", null, "owner",
                    "recovery phone " + PhoneNumbers.mask(recovery) + " to verify");
            return c;
        });
    }

    /**
     * The code sent to the recovery phone (waiting period) or contact email (form). Right: the wait
     * starts, with the time its status becomes visible, and the account's email is told (with a
     * link to cancel); or the form opens.
     */
    public RecoveryCase verifyContact(String caseId, String code) {
        RecoverySettings.Settings now = settingsNow();
        Checked checked = QuarkusTransaction.requiringNew().call(() -> {
            RecoveryCase c = lockOpen(caseId);
            if (c.status != Status.VERIFYING_CONTACT) {
                throw notNow(c, "The contact is already verified or not to be verified");
            }
            CaseCodes.Outcome outcome = codes.check(c.id, "contact", code, now.maxCodeAttempts(), true);
            if (outcome == CaseCodes.Outcome.EXHAUSTED) {
                log.change(c, Status.FAILED, "too-many-wrong-codes", null, "owner", "contact code wrong too often");
            } else if (outcome == CaseCodes.Outcome.VALID) {
                contactVerified(c, now);
            }
            return new Checked(c, outcome);
        });
        return checked.orThrow(now.maxCodeAttempts());
    }

    private void contactVerified(RecoveryCase c, RecoverySettings.Settings now) {
        Instant at = clock.instant();
        if (c.path == Path.FORM) {
            log.change(c, Status.AWAITING_FORM, "contact-verified", null, "owner", "contact email verified");
            return;
        }
        c.statusAvailableAt = at.plus(now.statusAfter());
        c.dueAt = at.plus(now.waiting());
        String cancel = codes.issue(c.id, "cancel", 8, now.waiting().plus(now.recoveryCodeTtl()));
        log.change(c, Status.WAITING, "contact-verified", c.statusAvailableAt, "owner",
                "recovery phone verified; the wait ends at " + c.dueAt);
        // the code comes first: inboxes show the first run of digits as the message's code
        log.email(c, c.ownerEmail, "Cancellation code " + cancel + ": account recovery was requested for your Lockstep "
                + "account " + c.username + ". If you did not ask for this, cancel it at " + log.link(c) + "/cancel with "
                + "this code; signing in to your account also cancels it. For your security recovery takes some time: "
                + "you can check its status from " + c.statusAvailableAt + ".", "alert");
    }

    /** Sends the pending code again (to the recovery phone or contact email, or the chosen trusted phone). */
    public RecoveryCase resend(String caseId) {
        RecoverySettings.Settings now = settingsNow();
        RecoveryCase found = QuarkusTransaction.requiringNew().call(() -> find(caseId, false));
        if (found.status == Status.VERIFYING_PHONE && found.factorId != null) {
            return sendToTrustedPhone(caseId, found.factorId);
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            RecoveryCase locked = lockOpen(caseId);
            if (locked.status != Status.VERIFYING_CONTACT) {
                throw notNow(locked, "No code is waiting to be entered");
            }
            countSend(locked);
            sendContactCode(locked, codes.issue(locked.id, "contact", 6, now.contactCodeTtl()));
            log.change(locked, locked.status, "code-resent", null, "owner", "code " + locked.sends + " sent");
            return locked;
        });
    }

    /** One more code for the case, or 429 after {@value #MAX_SENDS}. */
    private static void countSend(RecoveryCase c) {
        if (c.sends >= MAX_SENDS) {
            throw new ProblemException(429, "too-many-sends", "No more codes for this case",
                    "At most " + MAX_SENDS + " codes are sent per case; start again.");
        }
        c.sends++;
    }

    private void sendContactCode(RecoveryCase c, String code) {
        if (c.path == Path.FORM) {
            log.email(c, c.contactEmail, "Your Lockstep account recovery security code is " + code
                    + ". Enter it on the recovery form for " + c.username + ".", "recovery-code");
        } else {
            log.sms(c, c.recoveryPhone, "Your Lockstep account recovery code is " + code + ". It confirms this number "
                    + "as the recovery number for " + c.username + ".", "recovery-code");
        }
    }

    /** The owner cancels a waiting-period recovery with the code from the email. */
    public RecoveryCase cancelByOwner(String caseId, String code, String reason) {
        RecoverySettings.Settings now = settingsNow();
        Checked checked = QuarkusTransaction.requiringNew().call(() -> {
            RecoveryCase c = lockOpen(caseId);
            CaseCodes.Outcome outcome = codes.check(c.id, "cancel", code, now.maxCodeAttempts(), true);
            if (outcome == CaseCodes.Outcome.VALID) {
                log.change(c, Status.CANCELLED, "owner", null, "owner", reason != null ? reason : "cancelled from the email");
            }
            return new Checked(c, outcome);
        });
        return checked.orThrow(now.maxCodeAttempts());
    }

    /**
     * A sign-in to the account ended its waiting periods (any sign-in, or one from a device other
     * than the one that started the case, as configured); the owner is told.
     */
    public int signedIn(String accountId, String deviceId, String correlationId) {
        String cancelOn = settingsNow().cancelOn();
        return QuarkusTransaction.joiningExisting().call(() -> {
            List<RecoveryCase> waiting = RecoveryCase.<RecoveryCase>find(
                    "accountId = ?1 and path = ?2 and status in ?3", accountId, Path.WAITING_PERIOD,
                    List.of(Status.VERIFYING_CONTACT, Status.WAITING)).withLock(LockModeType.PESSIMISTIC_WRITE).list();
            int cancelled = 0;
            for (RecoveryCase c : waiting) {
                boolean sameDevice = deviceId != null && deviceId.equals(c.deviceId);
                if ("other-device".equals(cancelOn) && sameDevice) {
                    continue;
                }
                log.change(c, Status.CANCELLED, "sign-in-during-wait", null, "auth-service",
                        "signed in " + (deviceId != null ? "from device " + deviceId : "") + " (login " + correlationId + ")");
                log.email(c, c.ownerEmail, "Someone signed in to your Lockstep account " + c.username + ", so the "
                        + "account recovery that was waiting was cancelled.", "alert");
                cancelled++;
            }
            return cancelled;
        });
    }

    // ---- completion (every path) --------------------------------------------------------------

    /**
     * Ends a ready case with a new password: auth-service unlocks the account, replaces the password,
     * revokes every session and tells the owner; after a waiting period the recovery phone becomes
     * the account's trusted phone. {@code code}: the recovery code (waiting period, form).
     */
    public RecoveryCase complete(String caseId, String code, String newPassword) {
        RecoverySettings.Settings now = settingsNow();
        Checked checked = QuarkusTransaction.requiringNew().call(() -> {
            RecoveryCase c = lockOpen(caseId);
            if (c.status != Status.READY) {
                throw notNow(c, "The case is not ready to complete");
            }
            if (c.path == Path.TRUSTED_PHONE || c.path == Path.RECOVERY_KEY) {
                return new Checked(c, CaseCodes.Outcome.VALID); // its code or key was checked moments ago
            }
            if (code == null) {
                throw ProblemException.badRequest("invalid-request", "The recovery code is required", null)
                        .with("field", "code");
            }
            CaseCodes.Outcome outcome = codes.check(c.id, "recovery", code, now.maxCodeAttempts(), false);
            if (outcome == CaseCodes.Outcome.EXHAUSTED) {
                log.change(c, Status.FAILED, "too-many-wrong-codes", null, "owner", "recovery code wrong too often");
            }
            return new Checked(c, outcome);
        });
        RecoveryCase c = checked.orThrow(now.maxCodeAttempts());
        idp.restore(c.accountId, c.id, newPassword, c.correlationId);
        if (c.path == Path.WAITING_PERIOD) {
            idp.replacePhones(c.accountId, c.recoveryPhone, c.correlationId);
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            RecoveryCase locked = RecoveryCase.findById(c.id, LockModeType.PESSIMISTIC_WRITE);
            if (locked.status != Status.READY) {
                return locked; // a concurrent completion finished it
            }
            if (locked.path == Path.WAITING_PERIOD || locked.path == Path.FORM) {
                codes.spend(locked.id, "recovery");
            }
            log.change(locked, Status.COMPLETED, "restored", null, "owner", locked.path == Path.WAITING_PERIOD
                    ? "new password; trusted phone now " + PhoneNumbers.mask(locked.recoveryPhone) : "new password");
            return locked;
        });
    }

    // ---- S0: recovery key, trusted phone -------------------------------------------------------

    /**
     * The recovery key and a new password restore access at once. A wrong key, an unknown account and
     * an account without a key all answer the same; wrong keys are bounded per account and sandbox day.
     */
    public RecoveryCase recoverWithKey(String username, String recoveryKey, String newPassword, String deviceId) {
        Optional<RecoveryCalls.AccountFacts> found = idp.account(username);
        Optional<FactorView> key = found.flatMap(a -> idp.factors(a.id()).stream()
                .filter(f -> "recovery-key".equals(f.type())).findFirst());
        if (key.isEmpty()) {
            throw invalidKey();
        }
        RecoveryCalls.AccountFacts account = found.get();
        String challenge = UUID.nameUUIDFromBytes(("recovery-key:" + account.id() + ":" + today())
                .getBytes(StandardCharsets.UTF_8)).toString();
        CodeCheckResult result = idp.check(challenge, account.id(), recoveryKey, key.get().id());
        RecoveryCase c = QuarkusTransaction.requiringNew().call(() -> {
            RecoveryCase created = newCase(account.id(), account.username(), Path.RECOVERY_KEY, deviceId);
            created.ownerEmail = account.email();
            created.persist();
            if (result.outcome() == CodeCheckResult.Outcome.VALID) {
                created.dueAt = clock.instant().plus(VERIFIED_WINDOW);
                log.change(created, Status.READY, "recovery-key-valid", created.dueAt, "owner", "recovery key accepted");
            } else {
                log.change(created, Status.FAILED, "wrong-recovery-key", null, "owner",
                        "recovery key refused (" + result.outcome() + "), " + result.remainingAttempts() + " tries left today");
            }
            return created;
        });
        if (result.outcome() == CodeCheckResult.Outcome.ATTEMPTS_EXHAUSTED) {
            throw new ProblemException(429, "too-many-attempts", "Too many wrong recovery keys",
                    "No more tries on this account until the next (sandbox) day.");
        }
        if (result.outcome() != CodeCheckResult.Outcome.VALID) {
            throw invalidKey();
        }
        return complete(c.id, null, newPassword);
    }

    /** S0's fallback: the current password (even an invalidated one), then a code to a chosen trusted phone. */
    public TrustedPhoneCase startTrustedPhone(String username, String password, String deviceId) {
        RecoveryCalls.AccountFacts account = idp.account(username).orElseThrow(RecoveryService::invalidCredentials);
        if (!idp.currentPassword(account.id(), password)) {
            throw invalidCredentials();
        }
        List<FactorView> phones = idp.factors(account.id()).stream().filter(f -> "sms".equals(f.type())).toList();
        RecoveryCase c = QuarkusTransaction.requiringNew().call(() -> {
            RecoveryCase created = newCase(account.id(), account.username(), Path.TRUSTED_PHONE, deviceId);
            created.ownerEmail = account.email();
            created.persist();
            log.change(created, Status.VERIFYING_PHONE, "password-ok", null, "owner",
                    phones.size() + " trusted phones to choose from");
            return created;
        });
        return new TrustedPhoneCase(c, phones);
    }

    /** Sends a code to the chosen trusted phone (otp-service issues it; the case id is its challenge). */
    public RecoveryCase sendToTrustedPhone(String caseId, String factorId) {
        RecoveryCase c = QuarkusTransaction.requiringNew().call(() -> {
            RecoveryCase locked = lockOpen(caseId);
            if (locked.path != Path.TRUSTED_PHONE || locked.status != Status.VERIFYING_PHONE) {
                throw notNow(locked, "This case sends no code to a trusted phone now");
            }
            countSend(locked);
            locked.factorId = factorId;
            log.change(locked, Status.VERIFYING_PHONE, "code-sent", null, "owner", "code " + locked.sends + " requested");
            return locked;
        });
        idp.sendCode(c.accountId, factorId, c.id, c.correlationId);
        return c;
    }

    /** The code from the trusted phone, checked by otp-service; right: a new password may be set for a while. */
    public RecoveryCase verifyTrustedPhone(String caseId, String code) {
        RecoveryCase found = QuarkusTransaction.requiringNew().call(() -> lockOpen(caseId));
        if (found.path != Path.TRUSTED_PHONE || found.status != Status.VERIFYING_PHONE || found.factorId == null) {
            throw notNow(found, "No code was sent to a trusted phone for this case");
        }
        CodeCheckResult result = idp.check(found.id, found.accountId, code, found.factorId);
        RecoveryCase c = QuarkusTransaction.requiringNew().call(() -> {
            RecoveryCase locked = lockOpen(caseId);
            if (locked.status != Status.VERIFYING_PHONE) {
                return locked;
            }
            switch (result.outcome()) {
                case VALID -> {
                    locked.dueAt = clock.instant().plus(VERIFIED_WINDOW);
                    log.change(locked, Status.READY, "code-valid", locked.dueAt, "owner", "trusted phone verified");
                }
                case ATTEMPTS_EXHAUSTED -> log.change(locked, Status.FAILED, "too-many-wrong-codes", null, "owner",
                        "trusted phone code wrong too often");
                default -> {
                    // a wrong, old or expired code: otp-service counted it
                }
            }
            return locked;
        });
        return switch (result.outcome()) {
            case VALID -> c;
            case INVALID, USED, SUPERSEDED -> throw new ProblemException(401, "code-invalid", "The code is not right", null)
                    .with("remainingAttempts", result.remainingAttempts());
            case EXPIRED -> throw new ProblemException(410, "code-expired", "The code has expired", "Ask for a new code.");
            case ATTEMPTS_EXHAUSTED -> throw tooManyCodes();
            case NO_CODE -> throw new ProblemException(409, "code-not-sent-yet", "No code has been sent yet",
                    "Wait for the message, or ask for a new code.");
            case UNKNOWN_FACTOR -> throw ProblemException.badRequest("unknown-factor", "No such trusted phone", null);
        };
    }

    // ---- S4: recovery form ---------------------------------------------------------------------

    /**
     * Starts a recovery form: a contact email that is not the account's own gets a code. An unknown
     * account gets a case too (it ends rejected), so the answer tells nobody whether the name exists.
     */
    public RecoveryCase startForm(String username, String contactEmail) {
        String contact = contactEmail.trim().toLowerCase(Locale.ROOT);
        Optional<RecoveryCalls.AccountFacts> account = idp.account(username);
        if (account.map(a -> contact.equalsIgnoreCase(a.email())).orElse(false)) {
            throw new ProblemException(422, "contact-is-the-account", "Give an email address other than the account's own",
                    "The code must reach you somewhere you can still read.").with("field", "contactEmail");
        }
        RecoverySettings.Settings now = settingsNow();
        return QuarkusTransaction.requiringNew().call(() -> {
            RecoveryCase c = newCase(account.map(RecoveryCalls.AccountFacts::id).orElse(null),
                    account.map(RecoveryCalls.AccountFacts::username).orElse(username.trim().toLowerCase(Locale.ROOT)),
                    Path.FORM, null);
            c.ownerEmail = account.map(RecoveryCalls.AccountFacts::email).orElse(null);
            c.contactEmail = contact;
            c.sends = 1;
            c.persist();
            sendContactCode(c, codes.issue(c.id, "contact", 6, now.contactCodeTtl()));
            log.change(c, Status.VERIFYING_CONTACT, "started", null, "owner", "contact email to verify");
            return c;
        });
    }

    /**
     * Submits the form: scored now, the verdict mailed when due. At most so many submissions per
     * account and sandbox day (429 beyond, until the sandbox clock passes midnight UTC).
     */
    public FormSubmission submitForm(String caseId, FormScoring.Answers answers) {
        RecoverySettings.Settings now = settingsNow();
        RecoveryCase c = QuarkusTransaction.requiringNew().call(() -> lockOpen(caseId));
        if (c.path != Path.FORM || (c.status != Status.AWAITING_FORM && c.status != Status.REJECTED)) {
            throw notNow(c, "The form cannot be submitted now");
        }
        String day = today();
        refuseOverDailyLimit(c.username, day, now);
        List<String> passwords = answers.previousPasswords() == null ? List.of() : answers.previousPasswords();
        int passwordsMatched = c.accountId == null || passwords.isEmpty() ? 0
                : idp.passwordHistoryMatches(c.accountId, passwords);
        FormScoring.Facts facts = c.accountId == null ? FormScoring.Facts.NONE : facts(c.accountId);
        FormScoring.Score score = FormScoring.score(answers, facts, passwordsMatched, now.formWeights());
        return QuarkusTransaction.requiringNew().call(() -> {
            RecoveryCase locked = lockOpen(caseId);
            if (locked.status != Status.AWAITING_FORM && locked.status != Status.REJECTED) {
                throw notNow(locked, "The form cannot be submitted now");
            }
            refuseOverDailyLimit(locked.username, day, now);
            Instant at = clock.instant();
            FormSubmission submission = new FormSubmission();
            submission.id = UUID.randomUUID().toString();
            submission.caseId = locked.id;
            submission.username = locked.username;
            submission.virtualDay = day;
            submission.submittedAt = at;
            submission.verdictDueAt = at.plus(now.verdict());
            submission.score = score.total();
            submission.threshold = now.formThreshold();
            submission.fieldScores = score.describe();
            submission.persist();
            locked.dueAt = submission.verdictDueAt;
            log.change(locked, Status.SUBMITTED, "form-submitted", locked.dueAt, "owner",
                    "submission on " + day + "; the verdict is mailed by " + locked.dueAt);
            return submission;
        });
    }

    private static void refuseOverDailyLimit(String username, String day, RecoverySettings.Settings now) {
        long today = FormSubmission.count("username = ?1 and virtualDay = ?2", username, day);
        if (today >= now.formsPerDay()) {
            Instant midnight = LocalDate.parse(day).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            throw new ProblemException(429, "too-many-submissions", "No more recovery forms today",
                    "At most " + now.formsPerDay() + " forms per account and day; try again after " + midnight + ".")
                    .with("nextAllowedAt", midnight.toString());
        }
    }

    private static FormScoring.Facts facts(String accountId) {
        AccountProfile profile = AccountProfile.findById(accountId);
        List<MailFact> mail = MailFact.list("accountId", accountId);
        List<String> recipients = mail.stream().map(m -> m.recipient).toList();
        List<String> subjects = mail.stream().map(m -> m.subject).toList();
        if (profile == null) {
            return new FormScoring.Facts(null, null, null, null, null, List.of(), recipients, subjects, null, null, null);
        }
        List<String> products = profile.products == null ? List.of()
                : Arrays.stream(profile.products.split("\n")).filter(p -> !p.isBlank()).toList();
        return new FormScoring.Facts(profile.fullName, profile.dateOfBirth, profile.country, profile.region,
                profile.postalCode, products, recipients, subjects, profile.cardHolder, profile.cardLast4,
                profile.cardExpiry);
    }

    // ---- operators -----------------------------------------------------------------------------

    /** An operator cancels an open case, with a reason; audited, the owner told. */
    public RecoveryCase cancelByOperator(String caseId, String operator, String reason) {
        return QuarkusTransaction.requiringNew().call(() -> {
            RecoveryCase c = lockOpen(caseId);
            log.change(c, Status.CANCELLED, "operator", null, operator, reason);
            log.audit(operator, "recovery.cancel", c.id, reason);
            log.email(c, c.ownerEmail, "Support cancelled the account recovery for your Lockstep account " + c.username
                    + ".", "alert");
            return c;
        });
    }

    /**
     * Support escalation (S2): after an identity check, an operator opens a case that runs after a
     * delay and removes the sessions, devices and factors that appeared since {@code since}. Audited.
     */
    public RecoveryCase escalate(String username, Instant since, String identityCheck, String operator, String reason) {
        RecoveryCalls.AccountFacts account = idp.account(username)
                .orElseThrow(() -> ProblemException.notFound("account-not-found", "No such account"));
        RecoverySettings.Settings now = settingsNow();
        return QuarkusTransaction.requiringNew().call(() -> {
            RecoveryCase c = newCase(account.id(), account.username(), Path.ESCALATION, null);
            c.ownerEmail = account.email();
            c.since = since;
            c.openedBy = operator;
            c.dueAt = clock.instant().plus(now.escalation());
            c.persist();
            log.change(c, Status.ESCALATED, "identity-checked", c.dueAt, operator,
                    "identity check: " + identityCheck + "; removes what appeared since " + since);
            log.audit(operator, "recovery.escalate", c.id, reason);
            log.email(c, c.ownerEmail, "Support is securing your Lockstep account " + c.username + ": by " + c.dueAt
                    + " every sign-in, device and second factor added since " + since + " will be removed.", "alert");
            return c;
        });
    }

    /** A case by id (read only). */
    public RecoveryCase caseOf(String caseId) {
        return QuarkusTransaction.requiringNew().call(() -> find(caseId, false));
    }

    // ---- helpers -------------------------------------------------------------------------------

    private RecoveryCase newCase(String accountId, String username, Path path, String deviceId) {
        RecoveryCase c = new RecoveryCase();
        c.id = UUID.randomUUID().toString();
        c.accountId = accountId;
        c.username = username;
        c.path = path;
        c.status = Status.VERIFYING_CONTACT;
        c.deviceId = deviceId;
        c.correlationId = UUID.randomUUID().toString();
        c.createdAt = clock.instant();
        return c;
    }

    /** The case, locked; 404 for an unknown id, 409 for a closed case. */
    static RecoveryCase lockOpen(String caseId) {
        RecoveryCase c = find(caseId, true);
        if (!c.open()) {
            throw new ProblemException(409, "case-closed", "The recovery case is closed", null)
                    .with("status", c.status.name());
        }
        return c;
    }

    static RecoveryCase find(String caseId, boolean lock) {
        RecoveryCase c = caseId == null || caseId.length() > 36 ? null
                : lock ? RecoveryCase.findById(caseId, LockModeType.PESSIMISTIC_WRITE) : RecoveryCase.findById(caseId);
        if (c == null) {
            throw ProblemException.notFound("case-not-found", "No such recovery case");
        }
        return c;
    }

    private String today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();
    }

    private RecoverySettings.Settings settingsNow() {
        return QuarkusTransaction.requiringNew().call(settings::current);
    }

    private static ProblemException notNow(RecoveryCase c, String title) {
        return new ProblemException(409, "case-not-ready", title, null).with("status", c.status.name());
    }

    private static ProblemException noSuchAccount() {
        return ProblemException.notFound("account-not-found", "No account with this name and trusted phone number");
    }

    private static ProblemException invalidKey() {
        return new ProblemException(401, "invalid-recovery-key", "The account name or recovery key is not right", null);
    }

    private static ProblemException invalidCredentials() {
        return new ProblemException(401, "invalid-credentials", "The account name or password is not right", null);
    }

    private static ProblemException tooManyCodes() {
        return new ProblemException(429, "too-many-attempts", "Too many wrong codes", "This case takes no more codes.");
    }

    /** A case and the outcome of checking one of its codes; refusals are thrown after the count was committed. */
    private record Checked(RecoveryCase recoveryCase, CaseCodes.Outcome outcome) {

        RecoveryCase orThrow(int maxAttempts) {
            return switch (outcome) {
                case VALID -> recoveryCase;
                case WRONG -> throw new ProblemException(401, "code-invalid", "The code is not right", null);
                case USED -> throw new ProblemException(401, "code-used", "The code was already used", null);
                case EXPIRED -> throw new ProblemException(410, "code-expired", "The code has expired", "Ask for a new code.");
                case EXHAUSTED -> throw tooManyCodes();
                case NONE -> throw new ProblemException(409, "case-not-ready", "No such code was sent for this case", null);
            };
        }
    }
}
