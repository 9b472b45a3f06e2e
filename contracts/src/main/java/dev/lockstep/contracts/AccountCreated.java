package dev.lockstep.contracts;

/**
 * An account was created by an operator. The phone (E.164) becomes the account's first trusted
 * SMS factor, owned by otp-service.
 */
@EventType("lockstep.account.created.v1")
public record AccountCreated(String accountId, String username, String phone) {
}
