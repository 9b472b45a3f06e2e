package dev.lockstep.sim.scenario;

import dev.lockstep.client.HttpJson;
import dev.lockstep.client.HttpJson.Reply;
import dev.lockstep.client.SandboxClient;
import dev.lockstep.client.Service;
import dev.lockstep.platform.config.LockstepConfig;
import dev.lockstep.platform.problem.ProblemException;
import dev.lockstep.sim.config.SimConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

/**
 * The four services' APIs as a scenario drives them: each service's URL and the tokens, a call that
 * must succeed (setup) or whose answer is the step's outcome, and waiting for the sandbox clock.
 * Calls carry {@code X-Lockstep-Operator: scenario}, so the audit trail says who acted.
 */
@ApplicationScoped
public class SandboxApi {

    private final SimConfig config;

    private final LockstepConfig lockstep;

    public SandboxApi(SimConfig config, LockstepConfig lockstep) {
        this.config = config;
        this.lockstep = lockstep;
    }

    private final HttpJson http = new HttpJson("scenario");

    private SandboxClient client;

    @PostConstruct
    void connect() {
        client = new SandboxClient(this::url, lockstep.admin().token(), lockstep.internal().token(), http);
    }

    private String url(Service service) {
        return switch (service) {
            case AUTH -> auth();
            case OTP -> otp();
            case SIM -> sim();
            case RECOVERY -> recovery();
        };
    }

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
        return client.adminToken();
    }

    String internalToken() {
        return client.internalToken();
    }

    /** The Java client, for what it knows how to do (accounts, the clock). */
    SandboxClient client() {
        return client;
    }

    /** A call that must answer {@code expected}; otherwise the scenario's setup failed (422). */
    Reply call(String method, String url, Object body, int expected, String what) {
        Reply answer = send(method, url, body, adminToken());
        if (answer.status() != expected) {
            throw new ProblemException(422, "scenario-setup-failed", "Setting up the scenario failed at " + what,
                    "The service answered " + answer.status() + ": " + answer.body()).with("status", answer.status());
        }
        return answer;
    }

    Reply send(String method, String url, Object body, String bearer) {
        return send(method, url, body, bearer, null);
    }

    /** {@code forwardedFor}: the client address the step plays (risk engine), or null. */
    Reply send(String method, String url, Object body, String bearer, String forwardedFor) {
        try {
            return http.send(method, url, body, bearer,
                    forwardedFor != null ? Map.of("X-Forwarded-For", forwardedFor) : Map.of(), Duration.ofSeconds(30));
        } catch (UncheckedIOException e) {
            throw new ProblemException(503, "scenario-setup-failed", "A service did not answer", e.getMessage());
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
        try {
            client.awaitClock(config.scenario().clockWait());
        } catch (IllegalStateException e) {
            // a service that lags behind shows in the step's outcome; the story goes on
        }
    }

    static String encode(String segment) {
        return HttpJson.encode(segment);
    }

    static void sleep(long millis) {
        HttpJson.pause(millis);
    }
}
