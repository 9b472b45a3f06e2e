package dev.lockstep.recovery.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/** One attempt to get an account back, by one of the paths; its history is in {@link CaseHistory}. */
@Entity
@Table(name = "recovery_case")
public class RecoveryCase extends PanacheEntityBase {

    /** How the owner proves the account is theirs. */
    public enum Path {
        /** Apple without a recovery key (S1): a verified recovery phone and a wait. */
        WAITING_PERIOD("waiting-period"),
        /** Apple with a recovery key (S0): the key and a new password, at once. */
        RECOVERY_KEY("recovery-key"),
        /** S0's fallback: the current password and a code to a trusted phone. */
        TRUSTED_PHONE("trusted-phone"),
        /** Microsoft's recovery form (S4): a verified contact email, a scored questionnaire, a delayed verdict. */
        FORM("form"),
        /** Support escalation (S2): an operator removes what an intruder added. */
        ESCALATION("escalation");

        public final String slug;

        Path(String slug) {
            this.slug = slug;
        }
    }

    public enum Status {
        /** A code went to the recovery phone or contact email; the owner has not entered it yet. */
        VERIFYING_CONTACT,
        /** The contact email is verified; the form may be filled in. */
        AWAITING_FORM,
        /** The waiting period runs. */
        WAITING,
        /** The trusted-phone path: the password was right; a code goes to the chosen phone. */
        VERIFYING_PHONE,
        /** The wait is over and a recovery code went out, or a form was accepted: completing restores access. */
        READY,
        /** A form is with the reviewers; the verdict comes by email. */
        SUBMITTED,
        /** The last form was not enough; another may be submitted (at most so many a virtual day). */
        REJECTED,
        /** An operator's escalation runs until its time. */
        ESCALATED,
        COMPLETED,
        CANCELLED,
        /** Too many wrong codes: the case takes no more. */
        FAILED;

        public static final Set<Status> OPEN = EnumSet.of(VERIFYING_CONTACT, AWAITING_FORM, WAITING, VERIFYING_PHONE, READY, SUBMITTED,
                REJECTED, ESCALATED);
    }

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
    public Path path;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public Status status;

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
        return Status.OPEN.contains(status);
    }
}
