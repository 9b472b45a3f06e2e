package dev.lockstep.auth;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import dev.lockstep.auth.service.OtpGateway;
import dev.lockstep.contracts.http.CodePolicyView;
import dev.lockstep.contracts.http.FactorView;
import java.util.Map;

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

    /** An account whose phone otp-service (the Mockito stand-in) lists as its factor, with the default code policy. */
    static String accountWithPhone(OtpGateway otp, String username) {
        String id = createAccount(username);
        when(otp.factors(id)).thenReturn(List.of(FactorView.phone(UUID.randomUUID().toString(), "+81 ••••••••78")));
        when(otp.policy(eq(id), anyString())).thenReturn(new CodePolicyView("sms", null, 6, "PT10M", 5, 5, "PT0S", "new-code"));
        return id;
    }

    /** Support sets the account's second-factor mode ({@code off}, {@code new-device}, {@code always}). */
    static void setMfaMode(String username, String mode) {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("mode", mode, "reason", "test")).put("/v1/admin/accounts/" + username + "/mfa")
                .then().statusCode(200);
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
