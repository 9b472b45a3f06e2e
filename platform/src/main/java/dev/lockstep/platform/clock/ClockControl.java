package dev.lockstep.platform.clock;

import dev.lockstep.contracts.ClockChanged;

/**
 * Changes the sandbox clock. Only the service that owns the clock (sms-gateway-sim) provides
 * one; elsewhere {@code POST /v1/clock} answers 405 and names the owner.
 */
public interface ClockControl {

    /** Applies and persists the change and publishes it to every service; returns the new setting. */
    ClockChanged change(ClockRequest request);
}
