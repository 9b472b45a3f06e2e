package dev.lockstep.sim.service;

import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.sim.domain.Message;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Delivers delayed messages once the sandbox clock reaches their time: advancing the clock by two
 * days makes a two-day delay arrive at once. A late message keeps its original text, so its code may
 * well have expired.
 */
@ApplicationScoped
public class DelayedDeliveries {

    @Inject
    SandboxClock clock;

    @Inject
    DeliveryService delivery;

    @Scheduled(every = "0.2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliverDue() {
        List<String> due = QuarkusTransaction.requiringNew().call(() -> Message.<Message>find(
                "status = 'sent' and deliverAt is not null and deliverAt <= ?1 order by seq", clock.instant())
                .page(0, 100).list().stream().map(m -> m.id).toList());
        for (String id : due) {
            QuarkusTransaction.requiringNew().run(() -> {
                Message message = Message.<Message>find("id", id).firstResult();
                if (message != null && "sent".equals(message.status) && message.deliverAt != null) {
                    delivery.deliverLate(message);
                }
            });
        }
    }
}
