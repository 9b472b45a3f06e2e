package dev.lockstep.recovery.domain;

import java.util.EnumSet;
import java.util.Set;

/** Where a recovery case stands; {@link RecoveryCase}'s moves go from one to the next. */
public enum CaseStatus {
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

    public static final Set<CaseStatus> OPEN = EnumSet.of(VERIFYING_CONTACT, AWAITING_FORM, WAITING, VERIFYING_PHONE, READY,
            SUBMITTED,
            REJECTED, ESCALATED);
}
