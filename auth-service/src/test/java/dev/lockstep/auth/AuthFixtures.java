package dev.lockstep.auth;

import static dev.lockstep.platform.testing.TestTokens.ADMIN;
import static io.restassured.RestAssured.given;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import dev.lockstep.auth.service.OtpGateway;
import dev.lockstep.contracts.http.CodePolicyView;
import dev.lockstep.contracts.http.FactorView;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Object mother for auth-service tests: unique accounts, and the events they caused. */
final class AuthFixtures {

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
        when(otp.factors(id)).thenReturn(List.of(FactorView.phone(factorOf(id), "+81 ••••••••78")));
        when(otp.policy(eq(id), anyString())).thenReturn(new CodePolicyView("sms", null, 6, "PT10M", 5, 5, "PT0S", "new-code"));
        return id;
    }

    /** The id of the phone factor {@link #accountWithPhone} gives the account. */
    static String factorOf(String accountId) {
        return UUID.nameUUIDFromBytes(accountId.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Support sets the account's second-factor mode ({@code off}, {@code new-device}, {@code always}). */
    static void setMfaMode(String username, String mode) {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("mode", mode, "reason", "test")).put("/v1/admin/accounts/" + username + "/mfa")
                .then().statusCode(200);
    }

    static String topicOf(Message<String> message) {
        return message.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow().getTopic();
    }

    static Object keyOf(Message<String> message) {
        return message.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow().getKey();
    }
}
