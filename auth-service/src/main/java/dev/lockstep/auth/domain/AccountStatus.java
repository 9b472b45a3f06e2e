package dev.lockstep.auth.domain;

/**
 * Where an account stands. {@code LOCKED_TEMPORARILY} is never stored: it is {@code ACTIVE} with a
 * lock that has not ended yet on the sandbox clock.
 */
public enum AccountStatus {
    ACTIVE,
    LOCKED_TEMPORARILY,
    LOCKED,
    /** Not locked, but the password was invalidated: an operator (or a recovery) must set a new one. */
    PASSWORD_RESET_REQUIRED,
    /** An operator disabled the account: nothing signs in until an operator enables it again. */
    DISABLED
}
