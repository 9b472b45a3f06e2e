package dev.lockstep.sim.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** sms-gateway-sim settings ({@code lockstep.sim.*}). */
@ConfigMapping(prefix = "lockstep.sim")
public interface SimConfig {

    /** Longest a client may wait on {@code GET /v1/phones/{e164}/messages/next}. */
    Duration maxWait();

    /** Seed of every random fault decision until {@code PUT /v1/seed} sets another. */
    long seed();

    /**
     * The shortest pause (real time) between two rounds that deliver held messages whose time came on the
     * sandbox clock; a round runs when a message's time comes, not on this timer ({@code DelayedDeliveries}).
     */
    @WithDefault("PT0.2S")
    Duration deliveryCheckInterval();

    /** How long a scenario's steps wait (real time) for what the services do asynchronously. */
    Scenario scenario();

    interface Scenario {

        /** For a code to reach a virtual phone or mailbox. */
        @WithDefault("PT15S")
        Duration codeWait();

        /** Before a step that expects no code concludes that none arrived. */
        @WithDefault("PT3S")
        Duration noCodeWait();

        /** For a recovery case to reach the status a step expects. */
        @WithDefault("PT15S")
        Duration caseStatusWait();

        /** For a new account's trusted phone to reach otp-service. */
        @WithDefault("PT30S")
        Duration accountSetupWait();

        /** For the other services to follow a move of the sandbox clock. */
        @WithDefault("PT10S")
        Duration clockWait();
    }

    /**
     * The demo fixtures a sandbox reset restores (unless asked not to): an account with a password and
     * a trusted phone. {@code ./lockstep up} sets them; with none set (the default, and
     * {@code ./lockstep up --empty}) a reset leaves nothing.
     */
    Demo demo();

    interface Demo {
        Optional<String> username();

        Optional<String> password();

        Optional<String> phone();
    }

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
