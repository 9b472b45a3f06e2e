package dev.lockstep.auth.domain;

/** Where an account stands. Lockout states come with the lockout work. */
public enum AccountStatus {
    ACTIVE
}
