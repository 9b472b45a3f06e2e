package dev.lockstep.platform.outbox;

import dev.lockstep.platform.config.LockstepConfig;
import dev.lockstep.platform.telemetry.TraceParent;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows in insertion order, one after another (each acknowledged before the next is
 * sent, so a failure never lets a later row overtake an earlier one), deleting them once the broker
 * acknowledged them. Woken at the start and right after every commit that wrote an event; polls every
 * {@code lockstep.outbox.poll-interval} (10 s) as a fallback; while
 * the broker is down it keeps the rows and retries with a growing pause. A row may be published twice (acknowledged,
 * then the delete lost); consumers ignore repeats by event id. Instances sharing a database take
 * turns (the batch's rows are locked while it is published). A row written in a trace is published
 * in a span of that trace (the record's headers carry it on to the consumers).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final LockstepConfig config;

    private final OutboxMetrics metrics;

    private final Tracer tracer;

    private final Emitter<String> emitter;

    /**
     * While the broker cannot take the rows they stay, and the relay tries again after 100 ms, doubling the
     * pause up to {@code lockstep.outbox.max-backoff}.
     */
    private final Guard untilTheBrokerIsBack;

    public OutboxRelay(LockstepConfig config, OutboxMetrics metrics, Tracer tracer,
            @Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096) Emitter<String> emitter) {
        this.config = config;
        this.metrics = metrics;
        this.tracer = tracer;
        this.emitter = emitter;
        this.untilTheBrokerIsBack = Guard.create()
                .withRetry().maxRetries(-1).maxDuration(1, ChronoUnit.HOURS)
                .delay(100, ChronoUnit.MILLIS).jitter(0, ChronoUnit.MILLIS).abortOn(InterruptedException.class)
                .withExponentialBackoff().factor(2).maxDelay(config.outbox().maxBackoff().toMillis(), ChronoUnit.MILLIS)
                .done()
                .beforeRetry(failure -> LOG.warnf("outbox relay could not publish (%s); trying again", failure.getMessage()))
                .done().build();
    }

    private final LinkedBlockingQueue<Boolean> wakeUps = new LinkedBlockingQueue<>(1);
    private volatile boolean running;
    private Thread worker;

    void start(@Observes StartupEvent startup) {
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
        wakeUp(); // rows left from before the start go out now, not after the first poll interval
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        if (worker != null) {
            worker.interrupt();
            worker.join(TimeUnit.SECONDS.toMillis(5));
        }
    }

    /** Asks the relay to publish now (called after a commit that wrote events). */
    public void wakeUp() {
        wakeUps.offer(Boolean.TRUE);
    }

    private void run() {
        while (running) {
            try {
                wakeUps.poll(config.outbox().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                untilTheBrokerIsBack.call(this::drain, Integer.class);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (!running || Thread.currentThread().isInterrupted()) {
                    return; // shutting down in a pause between tries
                }
                LOG.warnf("outbox relay gave up for now (%s); the rows stay for the next round", e.getMessage());
            }
        }
    }

    /** Publishes batches until one is not full; returns the rows of the last. */
    private Integer drain() throws InterruptedException {
        int found;
        do {
            found = publishBatch();
        } while (running && found == config.outbox().batchSize());
        return found;
    }

    /** What one batch did: rows found, and the first send that failed (or null). */
    private record BatchResult(int found, RuntimeException failure) {
    }

    /**
     * Publishes up to one batch; returns how many rows it found. The batch's rows stay locked
     * ({@code SELECT … FOR UPDATE}) until they are published and deleted, so when several instances of
     * a service share one database (PostgreSQL), one relay at a time publishes, in insertion order;
     * another instance's relay waits on the first row and then finds the rows gone.
     */
    int publishBatch() throws InterruptedException {
        BatchResult result = QuarkusTransaction.requiringNew()
                .timeout((int) Math.max(30, config.outbox().sendTimeout().toSeconds() * 2))
                .call(this::publishLocked);
        if (result.failure() != null) {
            throw result.failure();
        }
        return result.found();
    }

    private BatchResult publishLocked() throws InterruptedException {
        List<OutboxEvent> batch = OutboxEvent.<OutboxEvent> find("order by id")
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .page(0, config.outbox().batchSize()).list();
        if (batch.isEmpty()) {
            metrics.pending(0);
            return new BatchResult(0, null);
        }
        // One at a time: a row is sent only once the one before it was acknowledged. Sent all at once,
        // a first row refused (the producer still without metadata right after the broker came back)
        // let the rows after it through, and its retry then landed behind them: receipts out of order.
        List<Long> published = new ArrayList<>(batch.size());
        RuntimeException failure = null;
        long timeout = config.outbox().sendTimeout().toMillis();
        for (OutboxEvent row : batch) {
            try {
                send(row).get(timeout, TimeUnit.MILLISECONDS);
                published.add(row.id);
            } catch (ExecutionException | TimeoutException e) {
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                failure = new IllegalStateException("event " + row.eventId + " not acknowledged: " + cause, cause);
                break;
            }
        }
        if (!published.isEmpty()) {
            OutboxEvent.delete("id in ?1", published);
        }
        metrics.pending(batch.size() < config.outbox().batchSize() ? batch.size() - published.size() : OutboxEvent.count());
        return new BatchResult(batch.size(), failure);
    }

    private CompletableFuture<Void> send(OutboxEvent row) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        Timer.Sample timing = metrics.sending();
        Span span = row.traceParent == null ? null
                : tracer.spanBuilder("outbox-relay " + row.topic)
                        .setParent(TraceParent.parse(row.traceParent))
                        .setSpanKind(SpanKind.INTERNAL)
                        .setAttribute("messaging.destination.name", row.topic)
                        .setAttribute("lockstep.event.id", row.eventId)
                        .startSpan();
        Message<String> message = Message.of(row.payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String> builder()
                        .withTopic(row.topic)
                        .withKey(row.recordKey)
                        .build())
                .withAck(() -> {
                    metrics.sent(timing, row.topic, true);
                    if (span != null) {
                        span.end();
                    }
                    ack.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(reason -> {
                    metrics.sent(timing, row.topic, false);
                    if (span != null) {
                        span.setStatus(StatusCode.ERROR, String.valueOf(reason));
                        span.end();
                    }
                    ack.completeExceptionally(reason);
                    return CompletableFuture.completedFuture(null);
                });
        if (span != null) {
            // the producer's span (and the trace context in the record's headers) continues from this one
            message = message.addMetadata(TracingMetadata.withCurrent(Context.root().with(span)));
        }
        try {
            emitter.send(message);
        } catch (RuntimeException e) { // refused before it reached the producer: neither ack nor nack comes
            if (span != null) {
                span.setStatus(StatusCode.ERROR, e.toString());
                span.end();
            }
            ack.completeExceptionally(e);
        }
        return ack;
    }
}
