package dev.lockstep.recovery.messaging;

import static dev.lockstep.platform.telemetry.Tags.orNone;

import dev.lockstep.contracts.RecoveryCaseChanged;
import dev.lockstep.platform.outbox.PublishedEvent;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * recovery-service's counter at {@code /q/metrics}: {@code lockstep.recoveries}, every state a recovery
 * case reached, by path and status, counted once the change committed.
 */
@ApplicationScoped
public class RecoveryMetrics {

    private final MeterRegistry registry;

    public RecoveryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void on(@Observes PublishedEvent published) {
        if (published.body() instanceof RecoveryCaseChanged changed) {
            registry.counter("lockstep.recoveries", "path", orNone(changed.path()), "status", orNone(changed.status()))
                    .increment();
        }
    }
}
