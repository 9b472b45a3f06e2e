package dev.lockstep.recovery.service;

import dev.lockstep.contracts.http.RecoveryCalls;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.problem.ProblemException;
import dev.lockstep.recovery.domain.AccountProfile;
import dev.lockstep.recovery.domain.FormSubmission;
import dev.lockstep.recovery.domain.MailFact;
import dev.lockstep.recovery.domain.RecoveryCase;
import dev.lockstep.recovery.domain.RecoveryPath;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Microsoft's recovery form (S4): a verified contact email other than the account's own, a
 * questionnaire scored against what the sandbox knows, and a verdict mailed later
 * ({@link RecoveryTimers}). An unknown account gets a case too (it ends rejected), so no answer tells
 * whether the name exists.
 */
@ApplicationScoped
public class FormRecovery {

    private final IdpGateway idp;

    private final Cases cases;

    private final CaseLog log;

    private final ContactVerification contact;

    private final SandboxClock clock;

    public FormRecovery(IdpGateway idp, Cases cases, CaseLog log, ContactVerification contact, SandboxClock clock) {
        this.idp = idp;
        this.cases = cases;
        this.log = log;
        this.contact = contact;
        this.clock = clock;
    }

    /** Starts a recovery form: the contact email gets a code. */
    public RecoveryCase start(String username, String contactEmail) {
        String address = contactEmail.trim().toLowerCase(Locale.ROOT);
        Optional<RecoveryCalls.AccountFacts> account = idp.account(username);
        if (account.map(a -> address.equalsIgnoreCase(a.email())).orElse(false)) {
            throw new ProblemException(422, "contact-is-the-account", "Give an email address other than the account's own",
                    "The code must reach you somewhere you can still read.").with("field", "contactEmail");
        }
        RecoverySettings.Settings now = cases.settingsNow();
        return QuarkusTransaction.requiringNew().call(() -> {
            RecoveryCase c = cases.start(RecoveryPath.FORM, account.map(RecoveryCalls.AccountFacts::id).orElse(null),
                    account.map(RecoveryCalls.AccountFacts::username).orElse(username.trim().toLowerCase(Locale.ROOT)),
                    null);
            c.ownerEmail = account.map(RecoveryCalls.AccountFacts::email).orElse(null);
            c.contactEmail = address;
            c.persist();
            contact.send(c, now);
            log.record(c, null, "owner", "contact email to verify");
            return c;
        });
    }

    /**
     * Submits the form: scored now, the verdict mailed when due. At most so many submissions per
     * account and sandbox day (429 beyond, until the sandbox clock passes midnight UTC).
     */
    public FormSubmission submit(String caseId, FormScoring.Answers answers) {
        RecoverySettings.Settings now = cases.settingsNow();
        RecoveryCase c = QuarkusTransaction.requiringNew().call(() -> Cases.lockOpen(caseId));
        c.requireFormOpen();
        String day = cases.today();
        refuseOverDailyLimit(c.username, day, now);
        List<String> passwords = answers.previousPasswords() == null ? List.of() : answers.previousPasswords();
        int passwordsMatched = c.accountId == null || passwords.isEmpty() ? 0
                : idp.passwordHistoryMatches(c.accountId, passwords);
        FormScoring.Facts facts = c.accountId == null ? FormScoring.Facts.NONE : facts(c.accountId);
        FormScoring.Score score = FormScoring.score(answers, facts, passwordsMatched, now.formWeights());
        return QuarkusTransaction.requiringNew().call(() -> {
            RecoveryCase locked = Cases.lockOpen(caseId);
            locked.requireFormOpen();
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
            locked.formSubmitted(submission.verdictDueAt);
            log.record(locked, locked.dueAt, "owner", "submission on " + day + "; the verdict is mailed by " + locked.dueAt);
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

    /** What the sandbox knows about the account, to score a form against. */
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
}
