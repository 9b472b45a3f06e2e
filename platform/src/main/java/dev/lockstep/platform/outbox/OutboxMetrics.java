package dev.lockstep.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The outbox's lag as metrics: {@code lockstep.outbox.pending} (events written and not yet acknowledged
 * by the broker, as the relay last counted them) and {@code lockstep.outbox.send} (from handing an
 * event to the producer to the broker's acknowledgement, by topic and outcome).
 */
@ApplicationScoped
public class OutboxMetrics {

    private final MeterRegistry registry;

    public OutboxMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    private final AtomicLong pending = new AtomicLong();

    @PostConstruct
    void register() {
        Gauge.builder("lockstep.outbox.pending", pending, AtomicLong::get)
                .description("Events in the outbox not yet acknowledged by the broker")
                .register(registry);
    }

    /** What the relay counted after its last batch. */
    void pending(long rows) {
        pending.set(rows);
    }

    /** Starts timing one send. */
    Timer.Sample sending() {
        return Timer.start(registry);
    }

    /** The broker acknowledged (or refused) the event sent since {@code sample}. */
    void sent(Timer.Sample sample, String topic, boolean acknowledged) {
        sample.stop(Timer.builder("lockstep.outbox.send")
                .description("From handing an outbox event to the producer to the broker's answer")
                .tag("topic", topic)
                .tag("outcome", acknowledged ? "acknowledged" : "failed")
                .register(registry));
    }
}
