package dev.lockstep.sim.config;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** sms-gateway-sim settings ({@code lockstep.sim.*}). */
@ConfigMapping(prefix = "lockstep.sim")
public interface SimConfig {

    /** Longest a client may wait on {@code GET /v1/phones/{e164}/messages/next}. */
    Duration maxWait();

    /** Seed of every random fault decision until {@code PUT /v1/seed} sets another. */
    long seed();
}
