package dev.lockstep.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoClient() {
    }

    /** Registers the client unless it is there (clients survive restarts and resets). */
    static void ensure(Sandbox sandbox, String adminToken) throws IOException, InterruptedException {
        String sim = sandbox.url(Service.SIM);
        Map<String, Object> client = Map.of("clientId", CLIENT_ID, "name", "Lockstep demo app", "public", true,
                "redirectUris", List.of(REDIRECT_URI, "http://localhost:8080/callback", sim + "/console/callback.html"),
                "postLogoutRedirectUris", List.of("http://127.0.0.1:8080/", "http://localhost:8080/", sim + "/console/index.html"));
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(sandbox.url(Service.AUTH) + "/v1/admin/clients"))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .header("X-Lockstep-Operator", "launcher")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(client))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201 && created.statusCode() != 409) {
            throw new IllegalStateException("cannot register the demo client: " + created.statusCode() + " " + created.body());
        }
    }
}
