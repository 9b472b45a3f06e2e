package dev.lockstep.contracts.http;

import java.util.List;

/**
 * A second factor as otp-service lists it to auth-service (and auth-service to the user): never
 * the full number, only the masked one.
 */
public record FactorView(String id, String type, String maskedPhone, List<String> channels) {

    /** A phone: a code by text message, or by a call that reads it out. */
    public static FactorView phone(String id, String maskedPhone) {
        return new FactorView(id, "sms", maskedPhone, List.of("sms", "voice"));
    }

    /** A factor that receives nothing: an authenticator app, a recovery code or key. */
    public static FactorView silent(String id, String type) {
        return new FactorView(id, type, null, null);
    }
}
