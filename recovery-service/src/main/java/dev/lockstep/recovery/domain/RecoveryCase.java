package dev.lockstep.recovery.domain;

import dev.lockstep.platform.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * One attempt to get an account back, by one of the paths; its history is in {@link CaseHistory}.
 * The case owns its moves: each is a method that refuses (409 {@code case-not-ready}) when the case
 * is not where that move starts, and leaves the new status and its reason for the case log to record.
 */
@Entity
@Table(name = "recovery_case")
public class RecoveryCase extends PanacheEntityBase {

    @Id
    @Column(length = 36)
    public String id;

    /** Null when nobody has the username: the case runs like any other and ends rejected (no enumeration). */
    @Column(name = "account_id", length = 36)
    public String accountId;

    @Column(nullable = false, length = 64)
    public String username;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public RecoveryPath path;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public CaseStatus status;

    @Column(length = 64)
    public String reason;

    /** The device the owner started from (a sign-in from another one cancels a wait, if so configured). */
    @Column(name = "device_id", length = 64)
    public String deviceId;

    @Column(name = "recovery_phone", length = 20)
    public String recoveryPhone;

    @Column(name = "contact_email", length = 254)
    public String contactEmail;

    /** The account's own email, where notices about the case go. */
    @Column(name = "owner_email", length = 254)
    public String ownerEmail;

    /** Codes sent for this case (the first and every resend). */
    @Column(nullable = false)
    public int sends;

    /** The trusted phone the owner chose (trusted-phone path). */
    @Column(name = "factor_id", length = 36)
    public String factorId;

    @Column(name = "correlation_id", nullable = false, length = 36)
    public String correlationId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** When the owner may see more than "requested" (Apple's "status available in N days"). */
    @Column(name = "status_available_at")
    public Instant statusAvailableAt;

    /** When the next thing happens by itself: the wait ends, the escalation runs. */
    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    /** Escalation: what appeared after this time goes. */
    @Column
    public Instant since;

    /** Escalation: the operator who opened it. */
    @Column(name = "opened_by", length = 128)
    public String openedBy;

    public boolean open() {
        return CaseStatus.OPEN.contains(status);
    }

    // ---- starting ----------------------------------------------------------------------------

    /** A new case on the path, in the status that path starts in. */
    public static RecoveryCase start(RecoveryPath path, String accountId, String username, String deviceId, Instant at) {
        RecoveryCase c = new RecoveryCase();
        c.id = UUID.randomUUID().toString();
        c.accountId = accountId;
        c.username = username;
        c.path = path;
        c.deviceId = deviceId;
        c.correlationId = UUID.randomUUID().toString();
        c.createdAt = at;
        switch (path) {
            case WAITING_PERIOD, FORM -> {
                c.status = CaseStatus.VERIFYING_CONTACT;
                c.reason = "started";
                c.sends = 1;
            }
            case TRUSTED_PHONE -> {
                c.status = CaseStatus.VERIFYING_PHONE;
                c.reason = "password-ok";
            }
            case RECOVERY_KEY -> c.status = CaseStatus.VERIFYING_CONTACT; // decided at once by keyChecked
            case ESCALATION -> {
                c.status = CaseStatus.ESCALATED;
                c.reason = "identity-checked";
            }
        }
        return c;
    }

    // ---- the owner's moves --------------------------------------------------------------------

    /** Refuses unless a contact code (recovery phone, contact email) is awaited. */
    public void requireContactCode() {
        require(status == CaseStatus.VERIFYING_CONTACT, "The contact is already verified or not to be verified");
    }

    /** The recovery phone or contact email is verified: the wait starts, or the form opens. */
    public void contactVerified(Instant at, Duration statusAfter, Duration wait) {
        requireContactCode();
        if (path == RecoveryPath.FORM) {
            moveTo(CaseStatus.AWAITING_FORM, "contact-verified");
            return;
        }
        statusAvailableAt = at.plus(statusAfter);
        dueAt = at.plus(wait);
        moveTo(CaseStatus.WAITING, "contact-verified");
    }

    /** The contact code goes out again; at most {@code maxSends} codes per case. */
    public void contactCodeResent(int maxSends) {
        require(status == CaseStatus.VERIFYING_CONTACT, "No code is waiting to be entered");
        countSend(maxSends);
        reason = "code-resent";
    }

    /** A code goes to the chosen trusted phone (trusted-phone path); at most {@code maxSends} per case. */
    public void trustedPhoneChosen(String chosenFactorId, int maxSends) {
        require(path == RecoveryPath.TRUSTED_PHONE && status == CaseStatus.VERIFYING_PHONE,
                "This case sends no code to a trusted phone now");
        countSend(maxSends);
        factorId = chosenFactorId;
        reason = "code-sent";
    }

    /** Refuses unless a code went to a trusted phone and is awaited. */
    public void requireTrustedPhoneCode() {
        require(path == RecoveryPath.TRUSTED_PHONE && status == CaseStatus.VERIFYING_PHONE && factorId != null,
                "No code was sent to a trusted phone for this case");
    }

    /** The trusted phone's code was right: a new password may be set until {@code until}. */
    public void trustedPhoneVerified(Instant until) {
        require(status == CaseStatus.VERIFYING_PHONE, "No code is awaited from a trusted phone");
        dueAt = until;
        moveTo(CaseStatus.READY, "code-valid");
    }

    /** The recovery key was checked when the case was opened: ready until {@code until}, or failed. */
    public void recoveryKeyChecked(boolean valid, Instant until) {
        require(path == RecoveryPath.RECOVERY_KEY && status == CaseStatus.VERIFYING_CONTACT,
                "The recovery key was already checked");
        if (valid) {
            dueAt = until;
            moveTo(CaseStatus.READY, "recovery-key-valid");
        } else {
            moveTo(CaseStatus.FAILED, "wrong-recovery-key");
        }
    }

    /** Refuses unless the form may be (re)submitted now. */
    public void requireFormOpen() {
        require(path == RecoveryPath.FORM && (status == CaseStatus.AWAITING_FORM || status == CaseStatus.REJECTED),
                "The form cannot be submitted now");
    }

    /** A form went to the reviewers; the verdict is due at {@code verdictDue}. */
    public void formSubmitted(Instant verdictDue) {
        requireFormOpen();
        dueAt = verdictDue;
        moveTo(CaseStatus.SUBMITTED, "form-submitted");
    }

    /** Refuses unless the case is ready to complete. */
    public void requireReady() {
        require(status == CaseStatus.READY, "The case is not ready to complete");
    }

    /** A new password was set: the case is done. */
    public void restored() {
        requireReady();
        moveTo(CaseStatus.COMPLETED, "restored");
    }

    /** Too many wrong codes: the case takes no more. */
    public void tooManyWrongCodes() {
        require(open(), "The recovery case is closed");
        moveTo(CaseStatus.FAILED, "too-many-wrong-codes");
    }

    /** Cancelled by the owner ({@code owner}), a sign-in ({@code sign-in-during-wait}) or an operator ({@code operator}). */
    public void cancel(String by) {
        require(open(), "The recovery case is closed");
        moveTo(CaseStatus.CANCELLED, by);
    }

    // ---- the sandbox clock's moves ------------------------------------------------------------

    /** The wait is over: the recovery code is valid until {@code until}. */
    public void waitOver(Instant until) {
        require(status == CaseStatus.WAITING, "The case is not waiting");
        dueAt = until;
        moveTo(CaseStatus.READY, "wait-over");
    }

    /** Statuses in which a case waits for its owner to prove a contact or the trusted phone. */
    public static final Set<CaseStatus> UNVERIFIED = EnumSet.of(CaseStatus.VERIFYING_CONTACT,
            CaseStatus.VERIFYING_PHONE);

    /** Its contact or trusted phone was never verified: the start is given up. */
    public void abandoned() {
        require(UNVERIFIED.contains(status), "The case is past verification");
        moveTo(CaseStatus.FAILED, "abandoned");
    }

    /** A ready case was not completed in time. */
    public void expired() {
        requireReady();
        moveTo(CaseStatus.FAILED, "expired");
    }

    /** The reviewers accepted the form: the recovery code is valid until {@code until}. */
    public void formAccepted(Instant until) {
        require(status == CaseStatus.SUBMITTED, "No form is with the reviewers");
        dueAt = until;
        moveTo(CaseStatus.READY, "form-accepted");
    }

    /** The reviewers rejected the form: another may be submitted. */
    public void formRejected() {
        require(status == CaseStatus.SUBMITTED, "No form is with the reviewers");
        dueAt = null;
        moveTo(CaseStatus.REJECTED, "form-rejected");
    }

    /** The escalation's removals ran. */
    public void escalationDone() {
        require(status == CaseStatus.ESCALATED, "The case is not an escalation that runs");
        moveTo(CaseStatus.COMPLETED, "escalation-done");
    }

    private void countSend(int maxSends) {
        if (sends >= maxSends) {
            throw new ProblemException(429, "too-many-sends", "No more codes for this case",
                    "At most " + maxSends + " codes are sent per case; start again.");
        }
        sends++;
    }

    private void moveTo(CaseStatus next, String why) {
        status = next;
        reason = why;
    }

    private void require(boolean allowed, String title) {
        if (!allowed) {
            throw new ProblemException(409, "case-not-ready", title, null).with("status", status.name());
        }
    }
}
