package dev.lockstep.sim.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /v1/messages}: a message for the simulated network, as an application would hand it to
 * an SMS or email API. Left out: {@code channel} sms, {@code from} "Lockstep", {@code kind} alert.
 *
 * <pre>
 * {"to":"+15005550101","text":"Your code is 123456"}
 * </pre>
 */
public record SendRequest(
        @NotBlank @Size(max = 254) String to,
        @Pattern(regexp = "sms|voice|email", message = "sms, voice or email") String channel,
        @Size(min = 1, max = 64) String from,
        @NotBlank @Size(max = 2000) String text,
        @Pattern(regexp = "login-code|recovery-code|alert", message = "login-code, recovery-code or alert") String kind) {
}
