package dev.lockstep.otp.messaging;

import static dev.lockstep.platform.telemetry.Tags.orNone;

import dev.lockstep.contracts.CodeChecked;
import dev.lockstep.contracts.OutboundMessage;
import dev.lockstep.platform.outbox.PublishedEvent;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;

/**
 * otp-service's domain counters at {@code /q/metrics}, counted once the fact committed:
 * {@code lockstep.codes.issued} (codes sent, by channel) and {@code lockstep.codes.checked} (codes
 * entered, by outcome: {@code valid}, {@code invalid}, {@code expired}, …).
 */
@ApplicationScoped
public class OtpMetrics {

    private final MeterRegistry registry;

    public OtpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void on(@Observes PublishedEvent published) {
        Object body = published.body();
        if (body instanceof OutboundMessage message) {
            registry.counter("lockstep.codes.issued", "channel", orNone(message.channel())).increment();
        } else if (body instanceof CodeChecked checked) {
            registry.counter("lockstep.codes.checked", "outcome",
                    orNone(checked.outcome()).toLowerCase(Locale.ROOT).replace('_', '-')).increment();
        }
    }
}
