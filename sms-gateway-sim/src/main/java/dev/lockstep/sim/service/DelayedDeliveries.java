package dev.lockstep.sim.service;

import dev.lockstep.platform.clock.ClockTimer;
import dev.lockstep.platform.clock.PeriodicTasks;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.sim.config.SimConfig;
import dev.lockstep.sim.domain.Message;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.List;

/**
 * Delivers held messages (delayed, or waiting to be overtaken) once the sandbox clock reaches their
 * time: advancing the clock by two days makes a two-day delay arrive at once. A late message keeps its
 * original text, so its code may well have expired. A {@link ClockTimer} sleeps until the earliest such
 * time; holding a message wakes it (a {@link PeriodicTasks.Due} event for {@link #TIMER}). Rounds are at
 * least {@code lockstep.sim.delivery-check-interval} apart.
 */
@ApplicationScoped
public class DelayedDeliveries {

    /** The timer's name, for {@link PeriodicTasks.Due} events. */
    public static final String TIMER = "delayed-deliveries";

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
        tasks.onTheClock(TIMER, config.deliveryCheckInterval(), DelayedDeliveries::earliestDue, this::deliverDue);
    }

    private static Instant earliestDue() {
        return QuarkusTransaction.requiringNew().call(() -> Message.getEntityManager()
                .createQuery("select min(m.deliverAt) from Message m where m.status = 'sent' and m.deliverAt is not null",
                        Instant.class)
                .getSingleResult());
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
