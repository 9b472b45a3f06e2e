package dev.lockstep.bench.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Keycloak's server distribution, as its guide runs it in production mode: built once for a dev-file
 * (H2) database and a local cache, started with {@code --optimized} on loopback HTTP; a realm
 * {@code bench} with a public client that allows the direct grant, and users with passwords hashed
 * by Keycloak's default, Argon2id t=5 m=7 MiB p=1.
 */
final class KeycloakTarget implements LoginTarget {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REALM = "bench";

    private final KeycloakDistribution dist;
    private final int port;
    private final String adminPassword;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private long readyMillis;

    KeycloakTarget(KeycloakDistribution dist, int port) throws IOException {
        this.dist = dist;
        this.port = port;
        this.adminPassword = dist.adminPassword();
    }

    @Override
    public String name() {
        return "Keycloak " + KeycloakDistribution.VERSION;
    }

    @Override
    public void start() throws Exception {
        long launched = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(dist.home().resolve("bin/kc.sh").toString(), "start", "--optimized",
                "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + port, "--hostname-strict=false")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dist.home().resolve("keycloak.log").toFile()));
        // on the JDK the benchmark runs on, as Lockstep's processes are
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        process = builder.start();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!answers("/realms/master")) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("Keycloak did not start; see " + dist.home().resolve("keycloak.log"));
            }
            Thread.sleep(100);
        }
        readyMillis = (System.nanoTime() - launched) / 1_000_000;
    }

    @Override
    public long readyMillis() {
        return readyMillis;
    }

    @Override
    public List<String> users(int count, String password) throws Exception {
        String admin = adminToken();
        if (send("GET", "/admin/realms/" + REALM, null, admin).statusCode() == 404) {
            expect(201, send("POST", "/admin/realms", Map.of("realm", REALM, "enabled", true), admin));
            expect(201, send("POST", "/admin/realms/" + REALM + "/clients", Map.of("clientId", "bench",
                    "publicClient", true, "directAccessGrantsEnabled", true, "standardFlowEnabled", false), admin));
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = "bench-user-" + i;
            HttpResponse<String> created = send("POST", "/admin/realms/" + REALM + "/users", Map.of("username", name,
                    "enabled", true, "email", name + "@example.test", "emailVerified", true, "firstName", "Bench",
                    "lastName", "User " + i, "credentials", List.of(Map.of("type", "password", "value", password,
                            "temporary", false))),
                    admin);
            if (created.statusCode() != 201 && created.statusCode() != 409) {
                throw new IllegalStateException("creating " + name + ": " + created.statusCode() + " " + created.body());
            }
            names.add(name);
        }
        return names;
    }

    /** How Keycloak stored the first user's password (algorithm and parameters), for the record. */
    String hashParameters(String username) throws Exception {
        String admin = adminToken();
        JsonNode users = JSON.readTree(send("GET", "/admin/realms/" + REALM + "/users?exact=true&username=" + username,
                null, admin).body());
        JsonNode credentials = JSON.readTree(send("GET", "/admin/realms/" + REALM + "/users/" + users.get(0).get("id")
                .asText() + "/credentials", null, admin).body());
        return credentials.get(0).path("credentialData").asText();
    }

    @Override
    public int login(String username, String password) throws Exception {
        return post("/realms/" + REALM + "/protocol/openid-connect/token", Map.of("grant_type", "password",
                "client_id", "bench", "username", username, "password", password)).statusCode();
    }

    @Override
    public Map<String, Duration> cpu() {
        return process == null ? Map.of() : Map.of("keycloak", ProcessTree.cpu(process.toHandle()));
    }

    @Override
    public long rssKib() throws IOException {
        return process == null ? 0 : ProcessTree.rssKib(process.toHandle());
    }

    @Override
    public void close() throws Exception {
        if (process != null) {
            ProcessTree.stop(process.toHandle(), Duration.ofSeconds(30));
            process = null;
        }
    }

    private String adminToken() throws Exception {
        HttpResponse<String> token = post("/realms/master/protocol/openid-connect/token", Map.of("grant_type", "password",
                "client_id", "admin-cli", "username", "admin", "password", adminPassword));
        expect(200, token);
        return JSON.readTree(token.body()).get("access_token").asText();
    }

    private boolean answers(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, Object json, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + bearer);
        if (json != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(json)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.uri() + ": " + response.statusCode()
                    + " " + response.body());
        }
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
