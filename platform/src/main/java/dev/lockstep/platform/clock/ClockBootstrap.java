package dev.lockstep.platform.clock;

import dev.lockstep.contracts.Topic;
import dev.lockstep.platform.config.LockstepConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Reads the sandbox clock's topic to its end before the service starts serving, so that a service
 * started (or restarted after a crash) never stamps a case, a code or an attempt with the real time
 * while the sandbox clock is days ahead. {@link ClockListener} follows later changes.
 */
@ApplicationScoped
public class ClockBootstrap {

    private static final Logger LOG = Logger.getLogger(ClockBootstrap.class);

    private final SandboxClock clock;

    private final ClockListener listener;

    private final Duration wait;

    public ClockBootstrap(SandboxClock clock, ClockListener listener, LockstepConfig config) {
        this.wait = config.clock().startupWait();
        this.clock = clock;
        this.listener = listener;
    }

    @ConfigProperty(name = "mp.messaging.incoming.sandbox-clock.connector")
    String connector;

    @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092")
    String bootstrapServers;

    void start(@Observes @Priority(10) StartupEvent startup) {
        if (!"smallrye-kafka".equals(connector)) {
            return; // the services' own tests bring their clock through the in-memory connector
        }
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) wait.toMillis());
        TopicPartition partition = new TopicPartition(Topic.SANDBOX_CLOCK.topicName(), 0);
        long deadline = System.nanoTime() + wait.toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            if (consumer.partitionsFor(partition.topic(), Duration.ofSeconds(3)).isEmpty()) {
                return; // a new sandbox: the clock has not moved yet
            }
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            Map<TopicPartition, Long> ends = consumer.endOffsets(List.of(partition), wait);
            long end = ends.getOrDefault(partition, 0L);
            while (consumer.position(partition, wait) < end && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    listener.onClockChanged(record.value());
                }
            }
            LOG.infof("sandbox clock read to the end of its topic: revision %d, %s", clock.setting().revision(),
                    clock.instant());
        } catch (RuntimeException e) {
            LOG.warnf("the sandbox clock's topic could not be read at start (%s); the clock follows it once it can",
                    e.toString());
        }
    }
}
