package dev.lockstep.testcontainers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lockstep.testcontainers.LockstepSandbox.Service;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small client for a running {@link LockstepSandbox}: the admin API (accounts), the login API an
 * app would call, and the simulator (phone state, fault rules, the sandbox clock, inboxes). Every
 * call that the sandbox refuses throws {@link LockstepException} with the status and problem body.
 */
public final class LockstepClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LockstepSandbox sandbox;
    private final String adminToken;
    private final String internalToken;
    /** The last message each phone's {@link #awaitMessage} returned. */
    private final Map<String, String> seen = new ConcurrentHashMap<>();

    LockstepClient(LockstepSandbox sandbox, String adminToken, String internalToken) {
        this.sandbox = sandbox;
        this.adminToken = adminToken;
        this.internalToken = internalToken;
    }

    /** What the sandbox answered. */
    public record Reply(int status, JsonNode body) {
    }

    /** A message as it landed on a virtual phone; {@code code} is the verification code found in it. */
    public record Message(String id, String to, String text, String code, String status) {
    }

    /** The tokens of a finished login. */
    public record Tokens(String accessToken, String refreshToken, JsonNode body) {
    }

    /** Thrown when the sandbox refuses a call; carries the RFC 9457 problem it answered. */
    public static final class LockstepException extends RuntimeException {
        private final Reply reply;

        LockstepException(String what, Reply reply) {
            super(what + " answered " + reply.status() + ": " + reply.body());
            this.reply = reply;
        }

        public Reply reply() {
            return reply;
        }
    }

    // ---- accounts (admin API) ----

    /**
     * Creates an account with a trusted phone and returns its id once the phone is a usable second
     * factor (it travels to otp-service as an event).
     */
    public String createAccount(String username, String password, String phoneE164) {
        JsonNode created = expect(201, "creating " + username, call("POST", Service.AUTH, "/v1/admin/accounts",
                Map.of("username", username, "password", password, "phone", phoneE164), adminToken));
        String id = created.get("id").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Reply factors = call("GET", Service.OTP, "/v1/internal/accounts/" + id + "/factors", null, internalToken);
            if (factors.status() == 200 && factors.body().isArray() && !factors.body().isEmpty()) {
                return id;
            }
            sleep(100);
        }
        throw new IllegalStateException("the phone of " + username + " never reached otp-service");
    }

    /** The admin view of an account: status, lock reason, unlock time, counters. */
    public JsonNode account(String username) {
        return expect(200, "reading " + username, call("GET", Service.AUTH, "/v1/admin/accounts/" + encode(username),
                null, adminToken));
    }

    /** Support's "suspicious activity detected": locks the account and invalidates its password. */
    public JsonNode reportSuspiciousActivity(String username, String reason) {
        return expect(200, "reporting " + username, call("POST", Service.AUTH,
                "/v1/admin/accounts/" + encode(username) + "/suspicious-activity", Map.of("reason", reason), adminToken));
    }

    // ---- logging in, as an app would ----

    /** The raw answer to a password login. */
    public Reply loginReply(String username, String password) {
        return call("POST", Service.AUTH, "/v1/login", Map.of("username", username, "password", password), null);
    }

    /** Logs in with a password and returns the challenge id; the first code is on its way. */
    public String login(String username, String password) {
        return expect(200, "login of " + username, loginReply(username, password)).get("challengeId").asText();
    }

    /** Asks for another code for the login. */
    public void resend(String challengeId) {
        expect(202, "resend", call("POST", Service.AUTH, "/v1/login/" + challengeId + "/send", null, null));
    }

    /** The raw answer to a code check. */
    public Reply verifyReply(String challengeId, String code) {
        return call("POST", Service.AUTH, "/v1/login/" + challengeId + "/verify", Map.of("code", code), null);
    }

    /** Finishes the login with the code and returns the tokens. */
    public Tokens verify(String challengeId, String code) {
        JsonNode body = expect(200, "verify", verifyReply(challengeId, code));
        return new Tokens(body.path("access_token").asText(null), body.path("refresh_token").asText(null), body);
    }

    // ---- applications that sign users in (OpenID Connect) ----

    /** An application registered with the provider; {@code clientSecret} is null for a public client (PKCE). */
    public record OidcClient(String clientId, String clientSecret, JsonNode registration) {
    }

    /**
     * Registers an application, e.g. {@code map("redirectUris", List.of("http://localhost:8080/callback"))}
     * for a confidential one, with {@code "public", true} for one without a secret; also
     * {@code postLogoutRedirectUris}, {@code backchannelLogoutUri}, {@code grantTypes}, {@code defaultAcr}.
     */
    public OidcClient registerClient(Map<String, ?> registration) {
        JsonNode body = expect(201, "client registration", call("POST", Service.AUTH, "/v1/admin/clients", registration,
                adminToken));
        return new OidcClient(body.get("clientId").asText(), body.path("clientSecret").asText(null), body);
    }

    /**
     * Adds a fault rule on the provider's own endpoints and returns it with its id, e.g. the token endpoint
     * answering 503 once: {@code map("match", map("endpoint", "token"), "effect", map("type", "fail"), "trigger", map("next", 1))}.
     */
    public JsonNode addIdpFaultRule(Map<String, ?> rule) {
        return expect(201, "identity-provider fault rule", call("POST", Service.AUTH, "/v1/admin/idp-faults", rule, adminToken));
    }

    // ---- the simulated world ----

    /** Changes a virtual phone, e.g. {@code Map.of("handset", "off")} or {@code Map.of("sim", "swapped")}. */
    public JsonNode setPhoneState(String phoneE164, Map<String, ?> state) {
        return expect(200, "phone state", call("PUT", Service.SIM, "/v1/phones/" + encode(phoneE164), state, adminToken));
    }

    /** Adds a fault rule (see the README's rule table) and returns it with its id. */
    public JsonNode addFaultRule(Map<String, ?> rule) {
        return expect(201, "fault rule", call("POST", Service.SIM, "/v1/faults", rule, adminToken));
    }

    /** "The next message to this number is lost." Returns the rule's id. */
    public String dropNextMessageTo(String phoneE164) {
        return addFaultRule(Map.of("match", Map.of("number", phoneE164), "effect", Map.of("type", "drop"),
                "trigger", Map.of("next", 1))).get("id").asText();
    }

    /** Moves the sandbox clock ahead; every service follows within about a second. */
    public JsonNode advanceClock(Duration by) {
        return expect(200, "clock", call("POST", Service.SIM, "/v1/clock", Map.of("advance", by.toString()), adminToken));
    }

    /**
     * The first message to the phone that this client has not returned yet, waiting up to
     * {@code timeout} for it to arrive.
     */
    public Message awaitMessage(String phoneE164, Duration timeout) {
        String inbox = "/v1/phones/" + encode(phoneE164) + "/messages";
        long deadline = System.nanoTime() + timeout.toNanos();
        String after = seen.get(phoneE164);
        if (after == null) {
            JsonNode all = expect(200, "inbox", call("GET", Service.SIM, inbox + "?limit=500", null, null));
            if (!all.isEmpty()) {
                return remember(phoneE164, all.get(all.size() - 1));
            }
        }
        while (true) {
            long left = Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
            Duration wait = Duration.ofMillis(Math.min(left, 25_000));
            Reply next = call("GET", Service.SIM, inbox + "/next?timeout=" + wait + (after != null ? "&after=" + after : ""),
                    null, null);
            if (next.status() == 200) {
                return remember(phoneE164, next.body());
            }
            if (next.status() != 204) {
                throw new LockstepException("waiting for a message to " + phoneE164, next);
            }
            if (System.nanoTime() >= deadline) {
                throw new IllegalStateException("no message reached " + phoneE164 + " within " + timeout);
            }
        }
    }

    private Message remember(String phone, JsonNode m) {
        Message message = new Message(m.path("id").asText(), m.path("to").asText(), m.path("text").asText(),
                m.path("code").asText(null), m.path("status").asText());
        seen.put(phone, message.id());
        return message;
    }

    /**
     * Loads a scenario file (YAML): the sandbox is reset to its starting state and, if {@code run},
     * its steps are played. Returns the report ({@code passed}, and each step met or missed).
     */
    public JsonNode loadScenario(String yaml, boolean run) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.url(Service.SIM) + "/v1/scenarios?run=" + run))
                    .timeout(Duration.ofSeconds(120))
                    .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/yaml")
                    .POST(HttpRequest.BodyPublishers.ofString(yaml)).build();
            HttpResponse<String> response = sandbox.http().send(request, HttpResponse.BodyHandlers.ofString());
            return expect(200, "scenario", new Reply(response.statusCode(), parse(response.body())));
        } catch (IOException e) {
            throw new IllegalStateException("loading the scenario failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- plumbing ----

    /** Any call: method, service, path (with query), a body to send as JSON (or null), a bearer token (or null). */
    public Reply call(String method, Service service, String path, Object body, String bearer) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.url(service) + path))
                    .timeout(Duration.ofSeconds(40))
                    .header("Accept", "application/json, application/problem+json")
                    .header("X-Lockstep-Operator", "lockstep-testcontainers")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            HttpResponse<String> response = sandbox.http().send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            return new Reply(response.statusCode(), text == null || text.isBlank() ? JSON.nullNode() : parse(text));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + service.containerName() + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(text);
        }
    }

    private static JsonNode expect(int status, String what, Reply reply) {
        if (reply.status() != status) {
            throw new LockstepException(what, reply);
        }
        return reply.body();
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Useful for building rule bodies in order. */
    public static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
