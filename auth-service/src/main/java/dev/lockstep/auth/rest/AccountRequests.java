package dev.lockstep.auth.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lockstep.auth.domain.LoginAttempt;
import dev.lockstep.auth.domain.LoginSession;
import dev.lockstep.auth.service.LockoutPolicies;
import dev.lockstep.auth.service.SessionService;
import dev.lockstep.contracts.http.FactorView;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** Request and response bodies of auth-service's HTTP API. */
public final class AccountRequests {

    private AccountRequests() {
    }

    /** {@code POST /v1/admin/accounts}. */
    public record CreateAccount(
            @NotBlank @Size(min = 3, max = 64) @Pattern(regexp = "[A-Za-z0-9._@+-]+", message = "letters, digits and . _ @ + - only") String username,
            @NotNull @Size(min = 8, max = 128) String password,
            @NotBlank @Size(max = 32) String phone,
            @Size(max = 254) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "an email address such as alice@example.com") String email) {
    }

    /** An account as operators see it. The phone is shown masked. */
    public record AccountView(String id, String username, String status, String mfaMode, String maskedPhone,
            String email, Instant createdAt, String lockReason, Instant unlockAt, int failures, int mfaFailures,
            List<AttemptView> recentAttempts) {
    }

    /** One of the account's recent login attempts, with where it came from and its risk. */
    public record AttemptView(Instant at, String outcome, String ip, String country, String city, String deviceId,
            String userAgent, Integer riskScore, String riskLevel, List<String> signals, String action) {

        public static AttemptView of(LoginAttempt a) {
            return new AttemptView(a.at, a.outcome, a.ip, a.country, a.city, a.deviceKey, a.userAgent, a.riskScore,
                    a.riskLevel, a.signals == null || a.signals.isEmpty() ? List.of()
                            : List.of(a.signals.split(",")),
                    a.action);
        }
    }

    /** {@code PUT /v1/me/password}: the owner changes the password, proving the current one. */
    public record ChangePassword(@NotNull @Size(max = 128) String currentPassword,
            @NotNull @Size(min = 8, max = 128) String newPassword) {
    }

    /** {@code POST /v1/me/factors/{factorId}/remove}: removing a second factor needs the password. */
    public record ConfirmWithPassword(@NotNull @Size(max = 128) String password) {
    }

    /** {@code PUT /v1/admin/accounts/{username}/password}: support sets a new password, with its reason. */
    public record ResetPassword(@NotNull @Size(min = 8, max = 128) String password, @NotBlank @Size(max = 512) String reason) {
    }

    /** {@code PUT /v1/admin/lockout}. */
    public record LockoutSettings(@NotNull @Size(max = 32) String preset, Boolean separateCounters,
            Boolean revealLockState, @Size(max = 16) String mode, Integer failureFactor, @Size(max = 32) String waitIncrement,
            @Size(max = 32) String maxWait, @Size(max = 32) String maxDeltaTime, @Size(max = 32) String quickLoginCheck,
            @Size(max = 32) String minimumQuickLoginWait, Integer maxTemporaryLockouts, @Size(max = 16) String strategy) {
    }

    /** The sandbox's lockout as operators read it: the switches and the policy in force, knob by knob. */
    public record LockoutView(String preset, boolean separateCounters, boolean revealLockState, LockoutPolicyView policy) {
    }

    /** {@code PUT /v1/admin/accounts/{username}/lockout-policy}: a preset ({@code off} exempts the account) and/or knobs. */
    public record LockoutPolicyChange(String preset, String mode, Integer failureFactor, String waitIncrement, String maxWait,
            String maxDeltaTime, String quickLoginCheck, String minimumQuickLoginWait, Integer maxTemporaryLockouts,
            String strategy) {

        LockoutPolicies.PolicyChange toChange() {
            return new LockoutPolicies.PolicyChange(preset, mode, failureFactor, waitIncrement, maxWait, maxDeltaTime,
                    quickLoginCheck, minimumQuickLoginWait, maxTemporaryLockouts, strategy);
        }
    }

    /** A brute-force policy knob by knob; {@code source}: {@code account} (its own) or {@code sandbox}. */
    public record LockoutPolicyView(String source, String preset, String mode, Integer failureFactor, String waitIncrement,
            String maxWait, String maxDeltaTime, String quickLoginCheck, String minimumQuickLoginWait,
            Integer maxTemporaryLockouts, String strategy) {

        static LockoutPolicyView of(LockoutPolicies.PolicyView p) {
            return new LockoutPolicyView(p.source(), p.preset(), p.mode(), p.failureFactor(), p.waitIncrement(), p.maxWait(),
                    p.maxDeltaTime(), p.quickLoginCheck(), p.minimumQuickLoginWait(), p.maxTemporaryLockouts(), p.strategy());
        }
    }

    /** {@code PUT /v1/admin/accounts/{username}/mfa}: a support action, with its reason for the audit trail. */
    public record SetMfaMode(
            @NotNull @Pattern(regexp = "off|new-device|always", message = "off, new-device or always") String mode,
            @NotBlank @Size(max = 512) String reason) {
    }

    /** A device as the owner and operators see it. */
    public record DeviceView(String id, String deviceId, boolean trusted, Instant firstSeen, Instant lastSeen) {
    }

    /** One line of an account's audit trail. */
    public record AuditView(Instant at, String operator, String action, String reason) {
    }

    /**
     * {@code POST /v1/login}. {@code deviceId}: the client's name for the device it runs on (optional);
     * trusted devices may skip the code.
     */
    public record Login(@NotBlank @Size(max = 64) String username, @NotNull @Size(max = 128) String password,
            @Pattern(regexp = "[A-Za-z0-9._:-]{1,64}", message = "1 to 64 letters, digits or ._:-") String deviceId) {
    }

    /** The answer to a right password: a second factor is needed. */
    public record MfaRequired(String status, String challengeId, List<FactorView> factors, Instant expiresAt) {
    }

    /**
     * {@code POST /v1/login/{challengeId}/send}; the body is optional. {@code channel}: {@code sms}
     * (default) or {@code voice}, a call that reads the code out.
     */
    public record Send(@Size(max = 36) String factorId,
            @Pattern(regexp = "sms|voice", message = "sms or voice") String channel) {
    }

    public record CodeSent(String status, String challengeId, String factorId, int sends) {
    }

    /**
     * {@code POST /v1/login/{challengeId}/verify}. {@code factorId}: which factor the code comes from; left
     * out, the one the challenge last sent to (or the app). {@code trustDevice}: remember the login's
     * device, so that a new-device policy asks it for no code next time.
     */
    public record Verify(
            @NotNull @Pattern(regexp = "[A-Za-z0-9 -]{4,40}", message = "a code: digits, a recovery code such as k7pmx-2qh9d, or a recovery key") String code,
            @Size(max = 36) String factorId,
            Boolean trustDevice) {
    }

    /** A finished login. Field names follow OAuth 2.0 token responses. */
    public record TokenResponse(
            String status,
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") long expiresIn,
            @JsonProperty("refresh_token") String refreshToken) {

        public static TokenResponse of(SessionService.Tokens tokens) {
            return new TokenResponse("SUCCESS", tokens.access().token(), "Bearer", tokens.access().expiresIn(),
                    tokens.refreshToken());
        }
    }

    /** {@code POST /v1/token/refresh}. */
    public record Refresh(@NotBlank @Size(max = 128) @JsonProperty("refresh_token") String refreshToken) {
    }

    /**
     * The body of an operator action that takes nothing but its reason, for the audit trail
     * ({@code sessions/revoke-all}, {@code totp/reset}, {@code suspicious-activity}, {@code unlock},
     * {@code disable}, {@code enable}).
     */
    public record Reason(@NotBlank @Size(max = 512) String reason) {
    }

    /** A session as the owner and operators see it. */
    public record SessionView(String id, String deviceId, List<String> amr, Instant createdAt, Instant lastRefreshedAt) {

        public static SessionView of(LoginSession s) {
            return new SessionView(s.id, s.deviceKey, List.of(s.amr.split(",")), s.createdAt, s.lastRefreshedAt);
        }
    }
}
