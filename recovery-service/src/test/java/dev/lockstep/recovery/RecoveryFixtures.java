package dev.lockstep.recovery;

import static dev.lockstep.platform.testing.TestTokens.ADMIN;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import dev.lockstep.contracts.Events;
import dev.lockstep.contracts.OutboundMessage;
import dev.lockstep.contracts.http.FactorView;
import dev.lockstep.contracts.http.RecoveryCalls;
import dev.lockstep.platform.testing.InMemoryEvents;
import dev.lockstep.recovery.service.IdpGateway;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Object mother for recovery-service tests: accounts as auth-service and otp-service would describe them. */
final class RecoveryFixtures {

    private static final AtomicInteger NUMBERS = new AtomicInteger(1000);

    record Account(String id, String username, String email, String trustedPhone, String trustedFactorId) {
    }

    private RecoveryFixtures() {
    }

    /** A unique account the mocked identity provider knows, with one trusted phone. */
    static Account account(IdpGateway idp) {
        int n = NUMBERS.incrementAndGet();
        Account a = new Account(UUID.randomUUID().toString(), "owner" + n, "owner" + n + "@example.jp",
                "+8190" + n + "1234", UUID.randomUUID().toString());
        when(idp.account(a.username())).thenReturn(Optional.of(new RecoveryCalls.AccountFacts(a.id(), a.username(),
                a.email(), "ACTIVE")));
        when(idp.trustedPhone(eq(a.id()), anyString())).thenAnswer(
                call -> call.getArgument(1).equals(a.trustedPhone()) ? Optional.of(a.trustedFactorId()) : Optional.empty());
        when(idp.factors(a.id())).thenReturn(List.of(FactorView.phone(a.trustedFactorId(), "+81 ••••••••34")));
        return a;
    }

    static String recoveryPhone() {
        return "+8180" + NUMBERS.incrementAndGet() + "9876";
    }

    static ValidatableResponse post(String path, Object body) {
        return given().contentType(ContentType.JSON).body(body).post(path).then();
    }

    static ValidatableResponse admin(String method, String path, Object body) {
        var request = given().header("Authorization", ADMIN).contentType(ContentType.JSON);
        if (body != null) {
            request.body(body);
        }
        return request.request(method, path).then();
    }

    /** The last message sent to an address, once it is in the outbox's sink. */
    static OutboundMessage lastMessageTo(InMemoryConnector connector, String to) {
        await().atMost(Duration.ofSeconds(5)).until(() -> messagesTo(connector, to).size() > 0);
        List<OutboundMessage> all = messagesTo(connector, to);
        return all.get(all.size() - 1);
    }

    static List<OutboundMessage> messagesTo(InMemoryConnector connector, String to) {
        return InMemoryEvents.published(connector, OutboundMessage.class).stream()
                .map(e -> Events.body(e, OutboundMessage.class))
                .filter(m -> m.to().equals(to)).toList();
    }

    /** The first run of {@code digits} digits in a message. */
    static String code(OutboundMessage message, int digits) {
        Matcher m = Pattern.compile("\\b(\\d{" + digits + "})\\b").matcher(message.text());
        if (!m.find()) {
            throw new AssertionError("no " + digits + "-digit code in: " + message.text());
        }
        return m.group(1);
    }
}
