package dev.lockstep.contracts;

/** An account's lock ended: {@code cause} {@code admin} (an operator) or {@code recovery}; expired locks end on their own. */
@EventType("lockstep.account.unlocked.v1")
public record AccountUnlocked(String accountId, String cause) {
}
