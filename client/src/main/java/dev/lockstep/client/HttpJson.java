package dev.lockstep.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * JSON over the JDK's HTTP client, as every Lockstep API speaks it: a body sent as JSON (or text of
 * a given type), a bearer token, the operator named for the audit trail, and the answer parsed (a
 * body that is not JSON comes back as a text node, an empty one as null).
 */
public final class HttpJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** How long past a request's timeout {@link #send} waits before it gives the request up itself. */
    private static final Duration DEADLINE_SLACK = Duration.ofSeconds(1);

    private final HttpClient http;
    private final String operator;

    /** {@code operator}: sent as {@code X-Lockstep-Operator} (who the audit trail names), or null. */
    public HttpJson(HttpClient http, String operator) {
        this.http = http;
        this.operator = operator;
    }

    /** On a client of its own ({@link #newClient()}). */
    public HttpJson(String operator) {
        this(newClient(), operator);
    }

    /**
     * A client for Lockstep's services: HTTP/1.1, and 2 s to connect. The services answer on plain
     * {@code http://}, where the JDK's default (HTTP/2) first asks to upgrade the connection
     * ({@code h2c}), and a response on an upgraded connection was seen lost once, the request's own
     * timeout not firing.
     */
    public static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    }

    /** What a service answered. */
    public record Reply(int status, JsonNode body) {
    }

    /** Sends {@code body} as JSON (none when null); {@code headers} may add or override any header. */
    public Reply send(String method, String url, Object body, String bearer, Map<String, String> headers,
            Duration timeout) {
        try {
            return send(method, url, body == null ? null : JSON.writeValueAsString(body), "application/json", bearer,
                    headers, timeout);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the body cannot be written as JSON", e);
        }
    }

    public Reply send(String method, String url, Object body, String bearer) {
        return send(method, url, body, bearer, Map.of(), Duration.ofSeconds(30));
    }

    /** Sends a text body of {@code contentType} (a scenario's YAML, a form). */
    public Reply send(String method, String url, String text, String contentType, String bearer,
            Map<String, String> headers, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Accept", "application/json, application/problem+json")
                .method(method, text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text));
        if (text != null) {
            request.header("Content-Type", contentType);
        }
        if (operator != null) {
            request.header("X-Lockstep-Operator", operator);
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        headers.forEach(request::setHeader);
        // The request's timeout is also a deadline of our own: should the client lose the response,
        // the call fails a moment after it instead of waiting forever.
        CompletableFuture<HttpResponse<String>> answer = http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
        try {
            HttpResponse<String> response = answer.get(timeout.plus(DEADLINE_SLACK).toMillis(), TimeUnit.MILLISECONDS);
            return new Reply(response.statusCode(), parse(response.body()));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw new UncheckedIOException(method + " " + url + " failed: " + io.getMessage(), io);
            }
            throw new IllegalStateException(method + " " + url + " failed: " + cause, cause);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new UncheckedIOException(method + " " + url + " failed: no answer within " + timeout,
                    new HttpTimeoutException("no answer within " + timeout));
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + url + " was interrupted", e);
        }
    }

    /** JSON, or the text itself when it is not JSON; an empty body is JSON null. */
    public static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(text);
        }
    }

    /** One path segment, percent-encoded (a plus sign as {@code %2B}, a space as {@code %20}). */
    public static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A map in the order given, for request bodies: {@code map("match", map("number", n), "effect", …)}. */
    public static Map<String, Object> map(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values come in pairs");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** Pauses a polling loop; an interrupt ends the wait with an exception. */
    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
