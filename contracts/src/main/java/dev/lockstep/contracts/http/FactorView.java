package dev.lockstep.contracts.http;

/**
 * A second factor as otp-service lists it to auth-service (and auth-service to the user): never
 * the full number, only the masked one.
 */
public record FactorView(String id, String type, String maskedPhone) {
}
