package dev.lockstep.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lockstep.client.HttpJson;
import dev.lockstep.e2e.support.BadRequests;
import dev.lockstep.e2e.support.BadRequests.BadRequest;
import dev.lockstep.e2e.support.Lockstep;
import dev.lockstep.e2e.support.OpenApiOperations;
import dev.lockstep.e2e.support.SharedSandbox;
import dev.lockstep.e2e.support.StateSnapshot;
import dev.lockstep.launcher.Service;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Generated fuzzing of every public, owner, internal and admin endpoint of the four services, from
 * their own OpenAPI documents (jqwik; a failure shrinks to the simplest request that breaks it and
 * prints the seed to replay it). Whatever comes in: never a 5xx; an error is an RFC 9457 problem
 * (the OAuth error format on the OAuth endpoints, a page on the browser's sign-in pages); and a
 * refused request changes nothing an operator can see.
 */
class ApiFuzzIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private static final HttpJson READER = new HttpJson(null);

    private static SharedSandbox.Running sandbox;
    private static Map<Service, String> urls;
    private static List<OpenApiOperations.Operation> operations;

    @BeforeContainer
    static void start() {
        sandbox = SharedSandbox.ensureStarted();
        urls = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            urls.put(service, SharedSandbox.url(service));
        }
        operations = OpenApiOperations.of(urls);
    }

    @AfterContainer
    static void stop() throws InterruptedException {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Provide
    Arbitrary<BadRequest> badRequests() {
        return BadRequests.against(operations, urls, SharedSandbox.ADMIN_TOKEN, SharedSandbox.INTERNAL_TOKEN);
    }

    @Property(tries = 1000)
    void noRequestGetsA5xxAndEveryRefusalIsInTheErrorFormatAndChangesNothing(@ForAll("badRequests") BadRequest request)
            throws IOException, InterruptedException {
        Service service = request.operation().service();
        String base = urls.get(service);
        Map<String, JsonNode> before = request.changesState()
                ? StateSnapshot.of(service, base, SharedSandbox.ADMIN_TOKEN, READER)
                : null;

        HttpResponse<byte[]> response = send(request);
        int status = response.statusCode();
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertTrue(status < 500, () -> request + " answered " + status + ": " + abbreviate(body));
        if (status == 414) {
            // the HTTP server's own refusal, before any of Lockstep's code runs: a request line longer than
            // it reads (quarkus.http.limits.max-initial-line-length, 4096 bytes); shorter ones must get through
            URI uri = URI.create(request.url());
            int line = request.operation().method().length() + uri.getRawPath().length()
                    + (uri.getRawQuery() != null ? uri.getRawQuery().length() + 1 : 0) + " HTTP/1.1".length() + 1;
            assertTrue(line > MAX_INITIAL_LINE, () -> request + " answered 414 to a request line of " + line + " bytes");
        } else if (status >= 400) {
            assertErrorFormat(request, response, body);
        }
        if (status >= 400) {
            if (before != null) {
                String changed = StateSnapshot.difference(before, StateSnapshot.of(service, base,
                        SharedSandbox.ADMIN_TOKEN, READER));
                assertEquals("", changed, () -> request + " was refused (" + status + ") but changed " + changed);
            }
        }
    }

    /** The longest request line the HTTP server reads (Vert.x's default, which Lockstep keeps). */
    private static final int MAX_INITIAL_LINE = 4096;

    private static HttpResponse<byte[]> send(BadRequest request) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request.url())).timeout(Duration.ofSeconds(20))
                .method(request.operation().method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(builder::setHeader);
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Problem JSON; on the OAuth endpoints the OAuth error JSON; on the browser's pages an HTML page. */
    private static void assertErrorFormat(BadRequest request, HttpResponse<byte[]> response, String body) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        String path = request.operation().path();
        if (path.startsWith("/oauth2/authorize") || path.startsWith("/oauth2/login") || path.startsWith("/oauth2/logout")) {
            assertTrue(type.startsWith("text/html") || type.startsWith("application/problem+json"),
                    () -> request + " answered " + response.statusCode() + " as " + type + ": " + abbreviate(body));
            return;
        }
        if (path.startsWith("/oauth2/")) {
            boolean oauthError = type.startsWith("application/json") && HttpJson.parse(body).hasNonNull("error");
            boolean bearerChallenge = body.isEmpty() && response.headers().firstValue("WWW-Authenticate").isPresent();
            assertTrue(oauthError || bearerChallenge,
                    () -> request + " answered " + response.statusCode() + " as " + type + ": " + abbreviate(body));
            return;
        }
        assertTrue(type.startsWith("application/problem+json"),
                () -> request + " answered " + response.statusCode() + " as '" + type + "': " + abbreviate(body));
        JsonNode problem = HttpJson.parse(body);
        assertTrue(problem.hasNonNull("type") && problem.path("status").asInt() == response.statusCode(),
                () -> request + " answered a problem without its type or status: " + abbreviate(body));
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
