package dev.lockstep.contracts;

import java.time.Instant;

/** Brute-force protection (or an operator) locked an account: until an instant, or for good ({@code until} null). */
@EventType("lockstep.account.locked.v1")
public record AccountLocked(String accountId, String reason, Instant until, int failures) {
}
