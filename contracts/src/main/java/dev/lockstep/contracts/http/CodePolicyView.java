package dev.lockstep.contracts.http;

/**
 * The code policy in force for an account and channel, as otp-service tells auth-service (which
 * enforces the sends) and operators.
 *
 * @param preset the named preset it came from, or null
 * @param lifetime ISO-8601 duration
 * @param resendCooldown ISO-8601 duration
 * @param resendMode {@code new-code} or {@code same-code}
 */
public record CodePolicyView(String channel, String preset, int digits, String lifetime, int maxAttempts, int maxSends,
        String resendCooldown, String resendMode) {
}
