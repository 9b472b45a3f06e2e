package dev.lockstep.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lockstep.client.HttpJson;
import dev.lockstep.client.SandboxClient;
import dev.lockstep.client.Service;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A sign-in with an SMS code as a user makes it: the password ({@code POST /v1/login}, which answers
 * with a challenge), the wait for the code on the virtual phone (a long poll on its inbox, started
 * before the login), and the code's verify. Accounts of its own, each with a phone that keeps many
 * messages.
 */
public final class SmsCodeLogin {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** For the long poll on the phone's inbox, which runs beside the login. */
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final SandboxClient client;

    private final String sim;

    private final String password;

    public SmsCodeLogin(SandboxClient client, String password) {
        this.client = client;
        this.sim = client.url(Service.SIM, "");
        this.password = password;
    }

    /** How long each part took: the login's answer, then the code's arrival after it, then the verify. */
    public record Sample(long loginNanos, long deliveryNanos, long verifyNanos) {
    }

    /** A new account whose second factor is SMS to a phone of its own; one sign-in at a time on it. */
    public Handset newAccount() {
        String username = "bench-" + UUID.randomUUID().toString().substring(0, 12);
        String phone = "+8170" + ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
        // a handset holds 1000 messages by default and then refuses more (30008, storage full): room for a long run
        client.setPhoneState(phone, Map.of("inboxCapacity", 100_000));
        client.createAccount(username, password, phone);
        return new Handset(username, phone);
    }

    /** An account and its phone, with the newest message seen on it. */
    public final class Handset {

        private final String username;

        private final String phone;

        private String lastMessage;

        private Handset(String username, String phone) {
            this.username = username;
            this.phone = phone;
            this.lastMessage = client.newestMessageId(phone);
        }

        /** One sign-in: log in, wait for the code on the phone, verify it. */
        public Sample signIn() throws IOException, InterruptedException {
            URI next = URI.create(sim + "/v1/phones/" + phone + "/messages/next?timeout=PT10S"
                    + (lastMessage != null ? "&after=" + lastMessage : ""));
            CompletableFuture<HttpResponse<String>> arriving = http.sendAsync(
                    HttpRequest.newBuilder(next).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (lastMessage == null) {
                Thread.sleep(50); // let the very first wait register before anything can arrive
            }
            long t0 = System.nanoTime();
            HttpJson.Reply login = client.loginReply(username, password);
            long loggedIn = System.nanoTime();
            if (login.status() != 200) {
                throw new IllegalStateException("login failed: " + login.status() + " " + login.body());
            }
            String challengeId = login.body().get("challengeId").asText();
            HttpResponse<String> message = arriving.join();
            long delivered = System.nanoTime();
            if (message.statusCode() != 200) {
                throw new IllegalStateException("no code arrived within 10 s (status " + message.statusCode() + ")");
            }
            JsonNode body = JSON.readTree(message.body());
            lastMessage = body.get("id").asText();
            HttpJson.Reply verified = client.verifyReply(challengeId, body.get("code").asText());
            long done = System.nanoTime();
            if (verified.status() != 200) {
                throw new IllegalStateException("verify failed: " + verified.status() + " " + verified.body());
            }
            return new Sample(loggedIn - t0, Math.max(0, delivered - loggedIn), done - delivered);
        }
    }
}
