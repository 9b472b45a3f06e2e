package dev.lockstep.sim.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** sms-gateway-sim settings ({@code lockstep.sim.*}). */
@ConfigMapping(prefix = "lockstep.sim")
public interface SimConfig {

    /** Longest a client may wait on {@code GET /v1/phones/{e164}/messages/next}. */
    Duration maxWait();

    /** Seed of every random fault decision until {@code PUT /v1/seed} sets another. */
    long seed();

    /** Where the services are; scenarios drive them (and this one) through their HTTP APIs. */
    Services services();

    interface Services {
        @WithDefault("http://127.0.0.1:8081")
        String auth();

        @WithDefault("http://127.0.0.1:8082")
        String otp();

        @WithDefault("http://127.0.0.1:8083")
        String sim();

        @WithDefault("http://127.0.0.1:8084")
        String recovery();
    }
}
