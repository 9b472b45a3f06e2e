package dev.lockstep.sim.messaging;

import static dev.lockstep.platform.telemetry.Tags.orNone;

import dev.lockstep.contracts.MessageStatusChanged;
import dev.lockstep.platform.outbox.PublishedEvent;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The simulated network's counter at {@code /q/metrics}: {@code lockstep.messages.status}, every
 * status a message reached (queued, sent, delivered, undelivered, failed) with its error code
 * ({@code none} without one), counted once the change committed.
 */
@ApplicationScoped
public class DeliveryMetrics {

    private final MeterRegistry registry;

    public DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void on(@Observes PublishedEvent published) {
        if (published.body() instanceof MessageStatusChanged changed) {
            registry.counter("lockstep.messages.status", "status", orNone(changed.status()),
                    "error_code", changed.errorCode() != null ? changed.errorCode().toString() : "none").increment();
        }
    }
}
