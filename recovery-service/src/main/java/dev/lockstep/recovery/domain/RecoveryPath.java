package dev.lockstep.recovery.domain;

/** How the owner proves the account is theirs: a recovery case's path. */
public enum RecoveryPath {
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

    RecoveryPath(String slug) {
        this.slug = slug;
    }
}
