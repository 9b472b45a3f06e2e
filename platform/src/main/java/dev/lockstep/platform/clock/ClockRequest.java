package dev.lockstep.platform.clock;

import java.time.Instant;

/**
 * A change to the sandbox clock: exactly one of {@code advance} (an ISO-8601 duration such as
 * {@code P3D} or {@code PT90M}, may be negative), {@code set} (an instant) or {@code freeze}.
 */
public record ClockRequest(String advance, Instant set, Boolean freeze) {
}
