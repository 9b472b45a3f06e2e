package dev.lockstep.e2e;

import static dev.lockstep.e2e.Lockstep.uniquePhone;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lockstep.contracts.CloudEvent;
import dev.lockstep.contracts.Events;
import dev.lockstep.contracts.MessageStatusChanged;
import dev.lockstep.contracts.Topic;
import dev.lockstep.launcher.Service;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every carrier error code, produced by phone state or by a rule, arrives as a delivery receipt on
 * the real broker's {@code lockstep.messages.status} topic, where an application would read it.
 */
@ExtendWith(SharedSandbox.class)
@Order(7)
class ReceiptsIT {

    private static final AtomicLong LANDLINES = new AtomicLong(System.nanoTime() % 9_000_000);

    /** A new phone in the given state. */
    private static String phoneIn(String state) {
        String phone = uniquePhone();
        given().header("Authorization", Lockstep.admin()).contentType(ContentType.JSON).body(state)
                .put(SharedSandbox.url(Service.SIM) + "/v1/phones/" + phone).then().statusCode(200);
        return phone;
    }

    private static String sendSms(String to) {
        return given().header("Authorization", Lockstep.admin()).contentType(ContentType.JSON)
                .body(Map.of("to", to, "text", "Your Lockstep code is 246810", "kind", "login-code"))
                .post(SharedSandbox.url(Service.SIM) + "/v1/messages").then().statusCode(201).extract().path("id");
    }

    @Test
    void eachCarrierErrorCodeArrivesAsAStatusEventOnKafka() {
        Map<String, String> expected = new LinkedHashMap<>(); // message id -> "final status/error code"
        expected.put(sendSms(phoneIn("{\"handset\":\"off\"}")), "undelivered/30003");
        expected.put(sendSms(phoneIn("{\"signal\":\"none\"}")), "undelivered/30003");
        expected.put(sendSms(phoneIn("{\"roaming\":\"ES\",\"roamingAgreement\":false}")), "undelivered/30003");
        expected.put(sendSms(phoneIn("{\"sim\":\"cancelled\"}")), "undelivered/30005");
        String landline = "+813" + (10_000_000 + LANDLINES.incrementAndGet());
        expected.put(sendSms(landline), "failed/30006");
        expected.put(sendSms(phoneIn("{\"smsFilter\":\"alphanumeric\"}")), "undelivered/30007");
        expected.put(sendSms(phoneIn("{\"inboxCapacity\":0}")), "undelivered/30008");
        expected.put(sendSms(phoneIn("{\"optedOut\":true}")), "failed/21610");
        expected.put(sendSms(phoneIn("{\"smsCapable\":false}")), "failed/21614");
        String ruled = uniquePhone();
        given().header("Authorization", Lockstep.admin()).contentType(ContentType.JSON)
                .body("{\"match\":{\"number\":\"" + ruled + "\"},\"effect\":{\"type\":\"reject\",\"errorCode\":30008}}")
                .post(SharedSandbox.url(Service.SIM) + "/v1/faults").then().statusCode(201);
        expected.put(sendSms(ruled), "failed/30008");
        String healthy = uniquePhone();
        expected.put(sendSms(healthy), "delivered/null");

        Map<String, List<MessageStatusChanged>> receipts = readReceipts(expected.keySet());
        for (Map.Entry<String, String> entry : expected.entrySet()) {
            List<MessageStatusChanged> seen = receipts.get(entry.getKey());
            MessageStatusChanged last = seen.get(seen.size() - 1);
            assertEquals(entry.getValue(), last.status() + "/" + last.errorCode(), "receipts " + seen);
            assertEquals("queued", seen.get(0).status(), "receipts " + seen);
        }
    }

    /** Reads the status topic from the start until every message has its final receipt. */
    private static Map<String, List<MessageStatusChanged>> readReceipts(java.util.Set<String> ids) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + SharedSandbox.KAFKA_PORT);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-receipts-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Map<String, List<MessageStatusChanged>> receipts = new ConcurrentHashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(Topic.MESSAGES_STATUS.topicName()));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ZERO).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    CloudEvent event = Events.fromJson(record.value());
                    MessageStatusChanged status = Events.body(event, MessageStatusChanged.class);
                    if (ids.contains(status.messageId())) {
                        receipts.computeIfAbsent(status.messageId(), id -> new ArrayList<>()).add(status);
                    }
                }
                return ids.stream().allMatch(id -> receipts.containsKey(id) && isFinal(receipts.get(id)));
            });
        }
        return receipts;
    }

    private static boolean isFinal(List<MessageStatusChanged> seen) {
        String last = seen.get(seen.size() - 1).status();
        return last.equals("delivered") || last.equals("undelivered") || last.equals("failed");
    }
}
