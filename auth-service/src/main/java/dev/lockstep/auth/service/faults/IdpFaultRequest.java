package dev.lockstep.auth.service.faults;

import dev.lockstep.platform.fault.FaultTrigger;
import dev.lockstep.platform.fault.FaultWindow;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /v1/admin/idp-faults}: which requests to Lockstep's own OpenID Connect endpoints, what they
 * get, and when (the triggers and windows of the phone network's {@code POST /v1/faults}).
 *
 * <pre>
 * {"name":"token endpoint down once","match":{"endpoint":"token"},
 *  "effect":{"type":"fail","status":503},"trigger":{"next":1}}
 * </pre>
 */
public record IdpFaultRequest(
        @Size(max = 128) String name,
        @NotNull @Valid Match match,
        @NotNull @Valid Effect effect,
        @Valid FaultTrigger trigger,
        @Valid FaultWindow window) {

    /** The endpoint, and optionally only one application's requests. */
    public record Match(
            @NotNull @Pattern(regexp = "authorize|token|userinfo|jwks|discovery|backchannel-logout", message = "authorize, token, userinfo, jwks, discovery or backchannel-logout") String endpoint,
            @Size(max = 64) String clientId) {
    }

    /**
     * What a matching request gets:
     * <ul>
     * <li>{@code fail}: HTTP {@code status} (default 503) with an OAuth error body ({@code error}, default
     * {@code temporarily_unavailable} for 503 and {@code server_error} otherwise); not on authorize;
     * <li>{@code error}: the authorization endpoint redirects back to the application with {@code error}
     * ({@code access_denied}, {@code temporarily_unavailable}, …); the token endpoint answers it (400, 401
     * for {@code invalid_client});
     * <li>{@code delay}: the answer comes {@code delay} later (ISO-8601, at most PT60S), or uniformly
     * between {@code delay} and {@code delayMax};
     * <li>{@code hide-current-key}: the JWKS leaves out the key that signs now (a rotation seen late);
     * <li>{@code drop}: a back-channel logout token is never sent.
     * </ul>
     */
    public record Effect(
            @NotNull @Pattern(regexp = "fail|error|delay|hide-current-key|drop", message = "fail, error, delay, hide-current-key or drop") String type,
            @Min(500) @Max(599) Integer status,
            @Pattern(regexp = "[a-z_]{1,64}", message = "an OAuth error code such as access_denied") String error,
            @Size(max = 32) String delay,
            @Size(max = 32) String delayMax) {
    }
}
