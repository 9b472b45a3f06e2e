package dev.lockstep.launcher;

import dev.lockstep.client.HttpJson;
import dev.lockstep.client.SandboxClient;
import java.util.List;
import java.util.Map;

/**
 * The public OpenID Connect client every sandbox has, so an application can sign in through Lockstep
 * with no registration: {@value #CLIENT_ID}, PKCE S256, redirect URIs on port 8080 (the usual port of
 * a local web app) and the console's.
 */
final class DemoClient {

    static final String CLIENT_ID = "lockstep-demo";
    static final String REDIRECT_URI = "http://127.0.0.1:8080/callback";

    private DemoClient() {
    }

    /** Registers the client unless it is there (clients survive restarts and resets). */
    static void ensure(Sandbox sandbox, SandboxClient client) {
        String sim = sandbox.url(Service.SIM);
        Map<String, Object> registration = Map.of("clientId", CLIENT_ID, "name", "Lockstep demo app", "public", true,
                "redirectUris", List.of(REDIRECT_URI, "http://localhost:8080/callback", sim + "/console/callback.html"),
                "postLogoutRedirectUris", List.of("http://127.0.0.1:8080/", "http://localhost:8080/", sim + "/console/index.html"));
        HttpJson.Reply created = client.call("POST", dev.lockstep.client.Service.AUTH, "/v1/admin/clients", registration,
                client.adminToken());
        if (created.status() != 201 && created.status() != 409) {
            throw new IllegalStateException("cannot register the demo client: " + created.status() + " " + created.body());
        }
    }
}
