package dev.lockstep.sim.scenario;

import dev.lockstep.client.HttpJson.Reply;
import dev.lockstep.platform.phone.PhoneNumbers;
import dev.lockstep.platform.problem.ProblemException;
import dev.lockstep.sim.config.SimConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * What {@code ./lockstep up} promises: the demo client (public, PKCE, redirect URIs on port 8080 and the
 * console's own) and, unless the sandbox runs empty, the demo account (username, password, trusted
 * phone). Made again after every sandbox reset and beside every scenario's own accounts.
 */
@ApplicationScoped
public class DemoFixtures {

    /** The demo client every sandbox has, so an application can sign in with no registration. */
    public static final String CLIENT_ID = "lockstep-demo";
    public static final String REDIRECT_URI = "http://127.0.0.1:8080/callback";

    /** The fixtures as they stand; {@code account} is null in a sandbox without a demo account. */
    public record Demo(String clientId, String redirectUri, Account account) {
    }

    /** The demo account: its name, id and trusted phone (E.164). */
    public record Account(String username, String id, String phone) {
    }

    private final SimConfig config;

    private final SandboxApi api;

    public DemoFixtures(SimConfig config, SandboxApi api) {
        this.config = config;
        this.api = api;
    }

    /** Whether this sandbox has a demo account at all ({@code ./lockstep up --empty} has none). */
    boolean hasAccount() {
        SimConfig.Demo demo = config.demo();
        return demo.username().isPresent() && demo.password().isPresent() && demo.phone().isPresent();
    }

    /**
     * Registers the demo client and makes the demo account unless they are there, and waits until the
     * account's phone is a usable factor (a login right after gets its code).
     */
    public Demo restore() {
        registerClient();
        return new Demo(CLIENT_ID, REDIRECT_URI, hasAccount() ? account() : null);
    }

    /** Registered as it was (200), made (201), or there with settings an operator changed (409, kept). */
    private void registerClient() {
        String console = api.sim() + "/console/";
        Reply registered = api.send("POST", api.auth() + "/v1/admin/clients", Map.of("clientId", CLIENT_ID,
                "name", "Lockstep demo app", "public", true,
                "redirectUris", List.of(REDIRECT_URI, "http://localhost:8080/callback", console + "callback.html"),
                "postLogoutRedirectUris", List.of("http://127.0.0.1:8080/", "http://localhost:8080/", console + "index.html")),
                api.adminToken());
        if (registered.status() != 201 && registered.status() != 200 && registered.status() != 409) {
            throw failed("The demo client could not be registered", registered);
        }
    }

    private Account account() {
        SimConfig.Demo demo = config.demo();
        String username = demo.username().orElseThrow();
        String phone = PhoneNumbers.toE164(demo.phone().orElseThrow());
        Reply created = api.send("POST", api.auth() + "/v1/admin/accounts",
                Map.of("username", username, "password", demo.password().orElseThrow(), "phone", phone), api.adminToken());
        String id;
        if (created.status() == 201) {
            id = created.body().get("id").asText();
        } else if (created.status() == 409) {
            id = api.call("GET", api.auth() + "/v1/admin/accounts/" + SandboxApi.encode(username), null, 200,
                    "demo account").body().get("id").asText();
        } else {
            throw failed("The demo account could not be made", created);
        }
        try {
            api.client().awaitPhoneFactor(id, api.waits().accountSetupWait());
        } catch (IllegalStateException e) {
            throw new ProblemException(503, "demo-fixtures-failed", "The demo account's phone never reached otp-service",
                    "Is the broker running?");
        }
        return new Account(username, id, phone);
    }

    private static ProblemException failed(String title, Reply answer) {
        return new ProblemException(503, "demo-fixtures-failed", title,
                "auth-service answered " + answer.status() + ": " + answer.body());
    }
}
