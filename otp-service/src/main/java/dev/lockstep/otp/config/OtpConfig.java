package dev.lockstep.otp.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** otp-service settings ({@code lockstep.otp.*}). */
@ConfigMapping(prefix = "lockstep.otp")
public interface OtpConfig {

    /** The SMS code policy. */
    Sms sms();

    /**
     * Wrong codes (of any factor) one account may send in 24 hours of sandbox time, across its
     * challenges; then every check answers "too many attempts" until the oldest fall out.
     */
    @WithDefault("20")
    int maxWrongCodesPerDay();

    /** Codes read out by a call. */
    Voice voice();

    interface Voice {
        /** What the call says; the two {@code %s} are the code read digit by digit. */
        String template();
    }

    /** Authenticator apps (TOTP). */
    Totp totp();

    /** Recovery codes. */
    RecoveryCodes recoveryCodes();

    /** The recovery key (Apple-style). */
    RecoveryKey recoveryKey();

    interface RecoveryKey {
        /** Shown before the characters, e.g. {@code RK-}. */
        String prefix();

        /** Characters after the prefix. */
        int length();

        /** The characters used: by default letters and digits that cannot be mistaken for one another. */
        String alphabet();
    }

    interface RecoveryCodes {
        /** Codes per set. */
        int count();
    }

    interface Totp {
        /** Issuer shown in the authenticator app. */
        String issuer();

        /** Default algorithm for new enrolments: SHA1, SHA256 or SHA512. */
        String algorithm();

        /** Default digits for new enrolments (6 to 8). */
        int digits();

        /** Default time step. */
        Duration period();

        /** Steps of clock drift accepted on each side of now. */
        int drift();

        /** Secret length in bytes (at least 20: 160 bits, RFC 4226's recommendation). */
        int secretBytes();
    }

    interface Sms {
        /** Digits per code (4 to 8). */
        int digits();

        /** How long a code works after it is issued (sandbox clock). */
        Duration lifetime();

        /** Wrong codes allowed per login challenge; the next check answers "attempts exhausted". */
        int maxAttempts();

        /** Codes a login may ask for. */
        int maxSends();

        /** Least time between two codes of a login. */
        Duration resendCooldown();

        /** {@code new-code} (the old one stops working) or {@code same-code} (re-sent while valid). */
        String resendMode();

        /** The sender shown on the handset. */
        String sender();

        /** Message text; {@code %s} is the code, {@code %d} the lifetime in minutes. */
        String template();
    }
}
