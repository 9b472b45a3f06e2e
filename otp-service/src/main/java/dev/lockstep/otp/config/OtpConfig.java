package dev.lockstep.otp.config;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** otp-service settings ({@code lockstep.otp.*}). */
@ConfigMapping(prefix = "lockstep.otp")
public interface OtpConfig {

    /** The SMS code policy. */
    Sms sms();

    interface Sms {
        /** Digits per code (4 to 8). */
        int digits();

        /** How long a code works after it is issued (sandbox clock). */
        Duration lifetime();

        /** Wrong codes allowed per login challenge; the next check answers "attempts exhausted". */
        int maxAttempts();

        /** The sender shown on the handset. */
        String sender();

        /** Message text; {@code %s} is the code, {@code %d} the lifetime in minutes. */
        String template();
    }
}
