package dev.lockstep.sim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lockstep.platform.config.LockstepConfig;
import dev.lockstep.platform.problem.ProblemException;
import dev.lockstep.platform.security.Operator;
import dev.lockstep.sim.config.SimConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The four services' APIs as a scenario drives them: each service's URL and the tokens, a call that
 * must succeed (setup) or whose answer is the step's outcome, and waiting for the sandbox clock.
 * Calls carry {@code X-Lockstep-Operator: scenario}, so the audit trail says who acted.
 */
@ApplicationScoped
public class SandboxApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    SimConfig config;

    @Inject
    LockstepConfig lockstep;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    String auth() {
        return config.services().auth();
    }

    String otp() {
        return config.services().otp();
    }

    String recovery() {
        return config.services().recovery();
    }

    String sim() {
        return config.services().sim();
    }

    String adminToken() {
        return lockstep.admin().token();
    }

    String internalToken() {
        return lockstep.internal().token();
    }

    /** An answer of one of the services. */
    record Answer(int status, JsonNode body) {
    }

    Answer call(String method, String url, Object body, int expected, String what) {
        Answer answer = send(method, url, body, adminToken());
        if (answer.status() != expected) {
            throw new ProblemException(422, "scenario-setup-failed", "Setting up the scenario failed at " + what,
                    "The service answered " + answer.status() + ": " + answer.body()).with("status", answer.status());
        }
        return answer;
    }

    Answer send(String method, String url, Object body, String bearer) {
        return send(method, url, body, bearer, null);
    }

    Answer send(String method, String url, Object body, String bearer, String forwardedFor) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header(Operator.HEADER, "scenario")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            if (forwardedFor != null) {
                request.header("X-Forwarded-For", forwardedFor);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode json = text == null || text.isBlank() ? JSON.nullNode() : JSON.readTree(text);
            return new Answer(response.statusCode(), json);
        } catch (IOException e) {
            throw new ProblemException(503, "scenario-setup-failed", "A service did not answer",
                    method + " " + url + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String clockNow() {
        return send("GET", sim() + "/v1/clock", null, null).body().path("now").asText();
    }

    /** How long steps wait for what happens asynchronously. */
    SimConfig.Scenario waits() {
        return config.scenario();
    }

    /** Waits (up to {@code clockWait}) until the other services follow the sandbox clock's latest change. */
    void awaitClock() {
        long revision = send("GET", sim() + "/v1/clock", null, null).body().path("revision").asLong();
        long deadline = System.nanoTime() + config.scenario().clockWait().toNanos();
        for (String service : List.of(auth(), otp(), recovery())) {
            while (send("GET", service + "/v1/clock", null, null).body().path("revision").asLong() < revision
                    && System.nanoTime() < deadline) {
                sleep(50);
            }
        }
    }

    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
