package dev.lockstep.contracts.http;

/**
 * auth-service asks otp-service whether {@code code} is right for a challenge.
 *
 * @param factorId the factor the code comes from (a phone's SMS code, or an authenticator app)
 */
public record CodeCheckRequest(String accountId, String code, String factorId) {
}
