package dev.lockstep.sim.service;

import dev.lockstep.platform.clock.PeriodicTasks;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.sim.config.SimConfig;
import dev.lockstep.sim.domain.Message;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * Delivers held messages (delayed, or waiting to be overtaken) once the sandbox clock reaches their
 * time, looking every {@code lockstep.sim.delivery-check-interval} (0.2 s): advancing the clock by
 * two days makes a two-day delay arrive at once. A late message keeps its original text, so its code
 * may well have expired.
 */
@ApplicationScoped
public class DelayedDeliveries {

    private final SandboxClock clock;

    private final SimConfig config;

    private final DeliveryService delivery;

    private final PeriodicTasks tasks;

    public DelayedDeliveries(SandboxClock clock, SimConfig config, DeliveryService delivery, PeriodicTasks tasks) {
        this.tasks = tasks;
        this.clock = clock;
        this.config = config;
        this.delivery = delivery;
    }

    void start(@Observes StartupEvent event) {
        tasks.every("delayed-deliveries", config.deliveryCheckInterval(), this::deliverDue);
    }

    void deliverDue() {
        List<String> due = QuarkusTransaction.requiringNew().call(() -> Message.<Message> find(
                "status = 'sent' and deliverAt is not null and deliverAt <= ?1 order by seq", clock.instant())
                .page(0, 100).list().stream().map(m -> m.id).toList());
        for (String id : due) {
            QuarkusTransaction.requiringNew().run(() -> {
                Message message = Message.<Message> find("id", id).firstResult();
                if (message != null && "sent".equals(message.status) && message.deliverAt != null) {
                    delivery.deliverLate(message);
                }
            });
        }
    }
}
