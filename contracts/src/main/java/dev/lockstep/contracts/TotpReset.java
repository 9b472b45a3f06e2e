package dev.lockstep.contracts;

/**
 * Support reset an account's authenticator app (a support action in auth-service); otp-service
 * removes the account's TOTP factors, so the owner enrols again.
 */
@EventType("lockstep.account.totp-reset.v1")
public record TotpReset(String accountId, String operator, String reason) {
}
