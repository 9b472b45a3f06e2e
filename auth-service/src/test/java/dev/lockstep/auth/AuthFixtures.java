package dev.lockstep.auth;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import dev.lockstep.contracts.ClockChanged;
import dev.lockstep.contracts.CloudEvent;
import dev.lockstep.contracts.Events;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import dev.lockstep.platform.clock.SandboxClock;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Object mother for auth-service tests: unique accounts, and the events they caused. */
final class AuthFixtures {

    static final String ADMIN = "Bearer test-admin-token";
    static final String PASSWORD = "correct horse battery";
    private static final AtomicInteger PHONES = new AtomicInteger(1000);

    private AuthFixtures() {
    }

    static String uniqueUsername() {
        return "user-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String uniqueJapanesePhone() {
        return "+81 90 " + String.format("%04d", PHONES.incrementAndGet()) + " 5678";
    }

    /** Creates an account through the admin API and returns its id. */
    static String createAccount(String username) {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\",\"phone\":\""
                        + uniqueJapanesePhone() + "\"}")
                .post("/v1/admin/accounts")
                .then().statusCode(201).extract().path("id");
    }

    /** Moves the sandbox clock as the simulator would, and waits until this service follows. */
    static ClockChanged advanceClock(InMemoryConnector connector, SandboxClock clock, Duration by) {
        ClockChanged later = new ClockChanged(clock.setting().revision() + 1,
                clock.setting().offsetMillis() + by.toMillis(), null, null);
        connector.source("sandbox-clock").send(Events.toJson(
                Events.envelope("/lockstep/sms-gateway-sim", "sandbox", Instant.EPOCH, null, later)));
        await().atMost(Duration.ofSeconds(5)).until(() -> clock.setting().revision() == later.revision());
        return later;
    }

    /** The events in the sink of one type, decoded. */
    static List<CloudEvent> events(InMemorySink<String> sink, Class<?> type) {
        return sink.received().stream()
                .map(m -> Events.fromJson(m.getPayload()))
                .filter(e -> Events.is(e, type))
                .toList();
    }

    static String topicOf(Message<String> message) {
        return message.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow().getTopic();
    }

    static Object keyOf(Message<String> message) {
        return message.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow().getKey();
    }
}
