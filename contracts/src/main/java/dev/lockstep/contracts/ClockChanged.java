package dev.lockstep.contracts;

import java.time.Instant;

/**
 * The sandbox clock's new setting: virtual time is real time plus {@code offsetMillis}, or exactly
 * {@code frozenAt} while frozen. Published on the compacted clock topic; a setting only replaces
 * one with a lower {@code revision}, so a late echo never winds the clock back.
 */
@EventType("lockstep.sandbox.clock-changed.v1")
public record ClockChanged(long revision, long offsetMillis, Instant frozenAt, Instant virtualTime) {
}
