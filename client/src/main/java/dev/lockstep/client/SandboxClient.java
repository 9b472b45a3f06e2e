package dev.lockstep.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lockstep.client.HttpJson.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Lockstep's HTTP APIs as a program uses them: accounts (admin API), the login an app makes,
 * applications and identity-provider faults, the simulated phones, fault rules, the sandbox clock,
 * inboxes and scenarios. Where the services are is the caller's business ({@code baseUrl}). A call
 * the sandbox refuses throws {@link LockstepException} with the status and problem body.
 */
public class SandboxClient {

    private final Function<Service, String> baseUrl;
    private final String adminToken;
    private final String internalToken;
    private final HttpJson http;
    /** The last message each phone's {@link #awaitMessage} returned. */
    private final Map<String, String> seen = new ConcurrentHashMap<>();

    public SandboxClient(Function<Service, String> baseUrl, String adminToken, String internalToken, HttpJson http) {
        this.baseUrl = baseUrl;
        this.adminToken = adminToken;
        this.internalToken = internalToken;
        this.http = http;
    }

    /** A message as it landed on a virtual phone; {@code code} is the verification code found in it. */
    public record Message(String id, String to, String text, String code, String status) {
    }

    /** The tokens of a finished login. */
    public record Tokens(String accessToken, String refreshToken, JsonNode body) {
    }

    /** An application registered with the provider; {@code clientSecret} is null for a public client (PKCE). */
    public record OidcClient(String clientId, String clientSecret, JsonNode registration) {
    }

    /** Thrown when the sandbox refuses a call; carries the RFC 9457 problem it answered. */
    public static final class LockstepException extends RuntimeException {
        private final Reply reply;

        public LockstepException(String what, Reply reply) {
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
        return createAccount(Map.of("username", username, "password", password, "phone", phoneE164));
    }

    /** The same with every field the admin API takes ({@code username}, {@code password}, {@code phone}, {@code email}, …). */
    public String createAccount(Map<String, ?> account) {
        JsonNode created = expect(201, "creating " + account.get("username"), call("POST", Service.AUTH,
                "/v1/admin/accounts", account, adminToken));
        String id = created.get("id").asText();
        awaitPhoneFactor(id, Duration.ofSeconds(60));
        return id;
    }

    /** Waits until otp-service lists a factor for the account (its phone arrived there as an event). */
    public void awaitPhoneFactor(String accountId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Reply factors = call("GET", Service.OTP, "/v1/internal/accounts/" + accountId + "/factors", null, internalToken);
            if (factors.status() == 200 && factors.body().isArray() && !factors.body().isEmpty()) {
                return;
            }
            if (System.nanoTime() >= deadline) {
                throw new IllegalStateException("the phone of account " + accountId + " never reached otp-service");
            }
            HttpJson.pause(100);
        }
    }

    /** The admin view of an account: status, lock reason, unlock time, counters. */
    public JsonNode account(String username) {
        return expect(200, "reading " + username, call("GET", Service.AUTH, "/v1/admin/accounts/"
                + HttpJson.encode(username), null, adminToken));
    }

    /** Support sets the account's second-factor mode ({@code off}, {@code new-device}, {@code always}). */
    public JsonNode setMfaMode(String username, String mode, String reason) {
        return expect(200, "second-factor mode of " + username, call("PUT", Service.AUTH, "/v1/admin/accounts/"
                + HttpJson.encode(username) + "/mfa", Map.of("mode", mode, "reason", reason), adminToken));
    }

    /** Support's "suspicious activity detected": locks the account and invalidates its password. */
    public JsonNode reportSuspiciousActivity(String username, String reason) {
        return expect(200, "reporting " + username, call("POST", Service.AUTH,
                "/v1/admin/accounts/" + HttpJson.encode(username) + "/suspicious-activity", Map.of("reason", reason),
                adminToken));
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
     * answering 503 once:
     * {@code map("match", map("endpoint", "token"), "effect", map("type", "fail"), "trigger", map("next", 1))}.
     */
    public JsonNode addIdpFaultRule(Map<String, ?> rule) {
        return expect(201, "identity-provider fault rule", call("POST", Service.AUTH, "/v1/admin/idp-faults", rule,
                adminToken));
    }

    // ---- the simulated world ----

    /** Changes a virtual phone, e.g. {@code Map.of("handset", "off")} or {@code Map.of("sim", "swapped")}. */
    public JsonNode setPhoneState(String phoneE164, Map<String, ?> state) {
        return expect(200, "phone state", call("PUT", Service.SIM, "/v1/phones/" + HttpJson.encode(phoneE164), state,
                adminToken));
    }

    /** Adds a fault rule (see the phone network's rule table) and returns it with its id. */
    public JsonNode addFaultRule(Map<String, ?> rule) {
        return expect(201, "fault rule", call("POST", Service.SIM, "/v1/faults", rule, adminToken));
    }

    /** "The next message to this number is lost." Returns the rule's id. */
    public String dropNextMessageTo(String phoneE164) {
        return addFaultRule(Map.of("match", Map.of("number", phoneE164), "effect", Map.of("type", "drop"),
                "trigger", Map.of("next", 1))).get("id").asText();
    }

    /** Moves the sandbox clock ahead; every service follows within about a second ({@link #awaitClock}). */
    public JsonNode advanceClock(Duration by) {
        return expect(200, "clock", call("POST", Service.SIM, "/v1/clock", Map.of("advance", by.toString()), adminToken));
    }

    /** Waits until auth-service, otp-service and recovery-service follow the sandbox clock's latest change. */
    public void awaitClock(Duration timeout) {
        long revision = call("GET", Service.SIM, "/v1/clock", null, null).body().path("revision").asLong();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Service service : List.of(Service.AUTH, Service.OTP, Service.RECOVERY)) {
            while (call("GET", service, "/v1/clock", null, null).body().path("revision").asLong() < revision) {
                if (System.nanoTime() >= deadline) {
                    throw new IllegalStateException(service.serviceName() + " did not follow the clock in " + timeout);
                }
                HttpJson.pause(50);
            }
        }
    }

    // ---- housekeeping ----

    /** A service's retention rules: for each table its dating column, how long rows are kept, and its row count. */
    public JsonNode retention(Service service) {
        return expect(200, "retention", call("GET", service, "/v1/admin/retention", null, adminToken));
    }

    /** Changes how long tables of a service keep their rows, e.g. {@code Map.of("login_attempt", "P7D")}. */
    public JsonNode setRetention(Service service, Map<String, String> keepByTable) {
        return expect(200, "retention", call("PUT", service, "/v1/admin/retention", Map.of("keep", keepByTable),
                adminToken));
    }

    /** The id of the newest message in the address's inbox, or null when it is empty. */
    public String newestMessageId(String address) {
        JsonNode newest = expect(200, "inbox", call("GET", Service.SIM, "/v1/phones/" + HttpJson.encode(address)
                + "/messages?limit=1", null, null));
        return newest.isArray() && !newest.isEmpty() ? newest.get(0).get("id").asText() : null;
    }

    /**
     * The first message to the phone that this client has not returned yet, waiting up to
     * {@code timeout} for it to arrive.
     */
    public Message awaitMessage(String phoneE164, Duration timeout) {
        String inbox = "/v1/phones/" + HttpJson.encode(phoneE164) + "/messages";
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
        return expect(200, "scenario", http.send("POST", url(Service.SIM, "/v1/scenarios?run=" + run), yaml,
                "application/yaml", adminToken, Map.of(), Duration.ofSeconds(120)));
    }

    // ---- plumbing ----

    /** Any call: method, service, path (with query), a body to send as JSON (or null), a bearer token (or null). */
    public Reply call(String method, Service service, String path, Object body, String bearer) {
        return http.send(method, url(service, path), body, bearer, Map.of(), Duration.ofSeconds(40));
    }

    /** The service's address and the path. */
    public String url(Service service, String path) {
        return baseUrl.apply(service) + path;
    }

    public String adminToken() {
        return adminToken;
    }

    public String internalToken() {
        return internalToken;
    }

    /** The reply's body if it has the status, else {@link LockstepException}. */
    public static JsonNode expect(int status, String what, Reply reply) {
        if (reply.status() != status) {
            throw new LockstepException(what, reply);
        }
        return reply.body();
    }

    /** Useful for building rule bodies in order. */
    public static Map<String, Object> map(Object... keysAndValues) {
        return HttpJson.map(keysAndValues);
    }
}
