package dev.lockstep.e2e.support;

import static org.awaitility.Awaitility.await;

import dev.lockstep.contracts.Topic;
import dev.lockstep.launcher.ConsumerLag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The shared sandbox's Kafka topics, read and written directly: what a replay or a late record needs. */
public final class Backbone {

    private static final String BOOTSTRAP = "127.0.0.1:" + SharedSandbox.KAFKA_PORT;

    private Backbone() {
    }

    /** Every record on the Lockstep topics (dead letters aside) written since {@code since}, oldest first. */
    public static List<ConsumerRecord<String, String>> recordsSince(long since) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(Arrays.stream(Topic.values()).filter(t -> t != Topic.DEAD_LETTERS)
                    .map(Topic::topicName).toList());
            int[] emptyPolls = { 0 };
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ZERO).until(() -> {
                int before = records.size();
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.timestamp() >= since) {
                        records.add(record);
                    }
                }
                emptyPolls[0] = records.size() == before && !consumer.assignment().isEmpty() ? emptyPolls[0] + 1 : 0;
                return emptyPolls[0] >= 3;
            });
        }
        records.sort(Comparator.comparingLong(ConsumerRecord::timestamp));
        return records;
    }

    /** Publishes the records again, in the order given: same topic, key and headers, the value passed through {@code value}. */
    public static void publish(List<ConsumerRecord<String, String>> records, UnaryOperator<String> value) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (ConsumerRecord<String, String> record : records) {
                producer.send(new ProducerRecord<>(record.topic(), null, record.key(), value.apply(record.value()),
                        record.headers()));
            }
            producer.flush();
        }
    }

    /** Waits until every service's consumer group has committed the end of every partition it reads. */
    public static void awaitConsumersCaughtUp() {
        try (ConsumerLag lag = new ConsumerLag(BOOTSTRAP, "e2e-")) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> lag.total() == 0);
        }
    }
}
