package dev.lockstep.sim.service;

import dev.lockstep.platform.fault.FaultTrigger;
import dev.lockstep.platform.fault.FaultWindow;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /v1/faults}: which messages, what happens to them, and when.
 *
 * <pre>
 * {"name":"lose the next code","match":{"number":"+819012345678","kind":"login-code"},
 *  "effect":{"type":"drop"},"trigger":{"next":1}}
 * </pre>
 */
public record FaultRequest(
        @Size(max = 128) String name,
        @Valid Match match,
        @NotNull @Valid Effect effect,
        @Valid FaultTrigger trigger,
        @Valid FaultWindow window) {

    /** Every field given must match; none given matches every message. */
    public record Match(
            @Size(max = 32) String number,
            @Size(max = 254) String email,
            @Pattern(regexp = "\\+[0-9]{1,15}", message = "a + and digits, e.g. +8190") String prefix,
            @Pattern(regexp = "[A-Za-z]{2}", message = "an ISO 3166 region code") String country,
            @Size(max = 64) String carrier,
            @Pattern(regexp = "sms|voice|email", message = "sms, voice or email") String channel,
            @Pattern(regexp = "login-code|recovery-code|alert", message = "login-code, recovery-code or alert") String kind) {
    }

    /**
     * What happens to a matching message:
     * <ul>
     * <li>{@code drop}: never arrives; stays {@code sent};
     * <li>{@code reject}: fails with {@code errorCode} (default 30008);
     * <li>{@code delay}: arrives later on the sandbox clock: {@code delay} (fixed), uniformly between
     * {@code delay} and {@code delayMax}, or {@code distribution: log-normal} with median {@code delay},
     * spread {@code sigma} and optional cap {@code delayMax};
     * <li>{@code duplicate}: arrives twice;
     * <li>{@code reorder}: held until a later message to the same address overtakes it, or {@code delay}
     * (default PT5M) has passed;
     * <li>{@code truncate}: only the first {@code length} characters arrive;
     * <li>{@code corrupt}: every digit arrives as a different one, so the code read is wrong;
     * <li>{@code throttle}: the first {@code perMinute} matching messages of each sandbox-clock minute
     * pass, the rest are undelivered with {@code errorCode} (default 30022).
     * </ul>
     */
    public record Effect(
            @NotNull @Pattern(regexp = "drop|reject|delay|duplicate|reorder|truncate|corrupt|throttle", message = "drop, reject, delay, duplicate, reorder, truncate, corrupt or throttle") String type,
            @Min(100) @Max(99999) Integer errorCode,
            @Size(max = 32) String delay,
            @Size(max = 32) String delayMax,
            @Pattern(regexp = "fixed|uniform|log-normal", message = "fixed, uniform or log-normal") String distribution,
            @DecimalMin(value = "0.0", inclusive = false) @DecimalMax("4.0") Double sigma,
            @Min(0) @Max(1999) Integer length,
            @Min(1) @Max(100_000) Integer perMinute) {
    }

}
