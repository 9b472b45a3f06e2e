package dev.lockstep.platform.testing;

import static org.awaitility.Awaitility.await;

import dev.lockstep.contracts.ClockChanged;
import dev.lockstep.contracts.Events;
import dev.lockstep.platform.clock.SandboxClock;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import java.time.Duration;
import java.time.Instant;

/** The sandbox clock in a service's {@code @QuarkusTest}s. */
public final class ClockFixture {

    private ClockFixture() {
    }

    /**
     * Moves the sandbox clock as the simulator would ({@code clock-changed} on {@code sandbox-clock}) and waits until this
     * service follows.
     */
    public static ClockChanged advance(InMemoryConnector connector, SandboxClock clock, Duration by) {
        ClockChanged later = new ClockChanged(clock.setting().revision() + 1,
                clock.setting().offsetMillis() + by.toMillis(), null, null);
        connector.source("sandbox-clock").send(Events.toJson(
                Events.envelope("/lockstep/sms-gateway-sim", "sandbox", Instant.EPOCH, null, later)));
        await().atMost(Duration.ofSeconds(5)).until(() -> clock.setting().revision() == later.revision());
        return later;
    }
}
