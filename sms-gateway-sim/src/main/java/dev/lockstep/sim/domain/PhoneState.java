package dev.lockstep.sim.domain;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The state of a virtual phone, as {@code PUT /v1/phones/{e164}} takes it; a field left out takes
 * its default (active SIM, handset on, signal ok, at home, roaming agreements everywhere, no filter,
 * room for 1000 messages, not opted out, able to receive SMS, the carrier libphonenumber names).
 */
public record PhoneState(
        @Pattern(regexp = "active|cancelled|swapped", message = "active, cancelled or swapped") String sim,
        @Pattern(regexp = "on|off", message = "on or off") String handset,
        @Pattern(regexp = "ok|none", message = "ok or none") String signal,
        @Pattern(regexp = "[A-Za-z]{2}", message = "an ISO 3166 region code such as ES") String roaming,
        Boolean roamingAgreement,
        @Pattern(regexp = "none|international|alphanumeric", message = "none, international or alphanumeric") String smsFilter,
        @Min(0) @Max(100_000) Integer inboxCapacity,
        Boolean optedOut,
        Boolean smsCapable,
        @Pattern(regexp = "[A-Za-z]{2}", message = "an ISO 3166 region code such as JP") String country,
        @Size(max = 64) String carrier) {
}
