package dev.lockstep.auth;

import static io.restassured.RestAssured.given;

import dev.lockstep.contracts.CloudEvent;
import dev.lockstep.contracts.Events;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.memory.InMemorySink;
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
