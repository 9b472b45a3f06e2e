package dev.lockstep.contracts.http;

/** auth-service asks otp-service whether {@code code} is right for a challenge. */
public record CodeCheckRequest(String accountId, String code) {
}
