package dev.lockstep.otp.domain;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How one-time codes behave on a channel: their length and lifetime, the wrong tries a login takes,
 * the codes a login may ask for and how soon after one another, and whether asking again sends a new
 * code (which voids the old) or the same code while it is valid (Twilio Verify).
 */
public record CodePolicy(int digits, Duration lifetime, int maxAttempts, int maxSends, Duration resendCooldown,
        ResendMode resendMode) {

    public enum ResendMode {
        /** A new code each time; the earlier one stops working. */
        NEW_CODE,
        /** The code still valid is sent again; a new one only once it expired. */
        SAME_CODE
    }

    /** Named presets, after the providers they imitate. */
    public static final Map<String, CodePolicy> PRESETS = Map.of(
            // Apple's two-step verification: 4-digit codes
            "apple-2sv", new CodePolicy(4, Duration.ofMinutes(10), 5, 5, Duration.ZERO, ResendMode.NEW_CODE),
            // Apple's two-factor authentication: 6 digits, a new code for every request
            "apple-2fa", new CodePolicy(6, Duration.ofMinutes(10), 5, 5, Duration.ZERO, ResendMode.NEW_CODE),
            // Twilio Verify: 10 minutes, 5 checks, 5 sends, the same code while it is valid
            "twilio-verify", new CodePolicy(6, Duration.ofMinutes(10), 5, 5, Duration.ZERO, ResendMode.SAME_CODE),
            // NIST SP 800-63B out-of-band: at most 10 minutes, single use, attempts bounded
            "nist-800-63b", new CodePolicy(6, Duration.ofMinutes(10), 5, 5, Duration.ZERO, ResendMode.NEW_CODE));

    public static Optional<CodePolicy> preset(String name) {
        return Optional.ofNullable(PRESETS.get(name));
    }

    /** Refuses values no provider would use; returns a reason, or null when the policy is sound. */
    public String problem() {
        if (digits < 4 || digits > 8) {
            return "digits must be 4 to 8";
        }
        if (lifetime.compareTo(Duration.ofSeconds(30)) < 0 || lifetime.compareTo(Duration.ofDays(1)) > 0) {
            return "lifetime must be between PT30S and P1D";
        }
        if (maxAttempts < 1 || maxAttempts > 100) {
            return "maxAttempts must be 1 to 100";
        }
        if (maxSends < 1 || maxSends > 100) {
            return "maxSends must be 1 to 100";
        }
        if (resendCooldown.isNegative() || resendCooldown.compareTo(Duration.ofHours(1)) > 0) {
            return "resendCooldown must be between PT0S and PT1H";
        }
        return null;
    }
}
