package dev.lockstep.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a local HTTP server that answers as Lockstep's services do and remembers what it got. */
class HttpJsonTest {

    private HttpServer server;
    private final Map<String, String> received = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/admin/accounts", exchange -> {
            remember(exchange);
            answer(exchange, 201, "application/json", "{\"id\":\"a-1\",\"username\":\"hanako\"}");
        });
        server.createContext("/v1/admin/accounts/nobody", exchange -> {
            remember(exchange);
            answer(exchange, 404, "application/problem+json",
                    "{\"type\":\"https://lockstep.dev/problems/account-not-found\",\"status\":404}");
        });
        server.createContext("/plain", exchange -> answer(exchange, 200, "text/plain", "not json"));
        server.createContext("/empty", exchange -> answer(exchange, 204, null, ""));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void aJsonBodyGoesOutWithTheTokenAndTheOperatorAndTheAnswerComesBackParsed() {
        HttpJson.Reply reply = new HttpJson("qa-team").send("POST", base() + "/v1/admin/accounts",
                HttpJson.map("username", "hanako", "phone", "+819012345678"), "secret-token");
        assertEquals(201, reply.status());
        assertEquals("a-1", reply.body().get("id").asText());
        assertEquals("{\"username\":\"hanako\",\"phone\":\"+819012345678\"}", received.get("body"));
        assertEquals("Bearer secret-token", received.get("authorization"));
        assertEquals("qa-team", received.get("operator"));
        assertEquals("application/json", received.get("contentType"));
    }

    @Test
    void aRefusalBecomesALockstepExceptionWithTheProblem() {
        SandboxClient client = new SandboxClient(service -> base(), "admin", "internal", new HttpJson(null));
        SandboxClient.LockstepException refused = assertThrows(SandboxClient.LockstepException.class,
                () -> client.account("nobody"));
        assertEquals(404, refused.reply().status());
        assertTrue(refused.reply().body().get("type").asText().endsWith("/account-not-found"));
        assertEquals("Bearer admin", received.get("authorization"));
        assertEquals(null, received.get("operator"), "no operator header when none is named");
        assertEquals(null, received.get("upgrade"), "plain HTTP/1.1, no request to upgrade to h2c");
    }

    @Test
    void aBodyThatIsNotJsonComesBackAsTextAndAnEmptyOneAsNull() {
        HttpJson http = new HttpJson(null);
        assertEquals("not json", http.send("GET", base() + "/plain", null, null).body().asText());
        assertTrue(http.send("GET", base() + "/empty", null, null).body().isNull());
    }

    @Test
    void aServiceThatIsNotThereIsAnUncheckedIoErrorNamingTheCall() {
        server.stop(0);
        UncheckedIOException error = assertThrows(UncheckedIOException.class, () -> new HttpJson(null)
                .send("GET", base() + "/plain", null, null, Map.of(), Duration.ofSeconds(2)));
        assertTrue(error.getMessage().startsWith("GET " + base() + "/plain failed"), error.getMessage());
    }

    @Test
    void aServiceThatTakesTheRequestAndNeverAnswersFailsTheCallAtItsTimeout() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread taker = new Thread(() -> {
                try (Socket connection = silent.accept()) {
                    connection.getInputStream().transferTo(OutputStream.nullOutputStream());
                } catch (IOException e) {
                    // the client gave up and closed the connection: what the test waits for
                }
            });
            taker.setDaemon(true);
            taker.start();
            String url = "http://127.0.0.1:" + silent.getLocalPort() + "/slow";
            long start = System.nanoTime();
            UncheckedIOException error = assertThrows(UncheckedIOException.class, () -> new HttpJson(null)
                    .send("GET", url, null, null, Map.of(), Duration.ofMillis(500)));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(error.getMessage().startsWith("GET " + url + " failed"), error.getMessage());
            assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "gave up after " + took);
        }
    }

    @Test
    void pathSegmentsAreEncodedSoThatAPhoneNumberKeepsItsPlus() {
        assertEquals("%2B819012345678", HttpJson.encode("+819012345678"));
        assertEquals("a%20b", HttpJson.encode("a b"));
    }

    private void remember(HttpExchange exchange) throws IOException {
        received.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        put("authorization", exchange.getRequestHeaders().getFirst("Authorization"));
        put("operator", exchange.getRequestHeaders().getFirst("X-Lockstep-Operator"));
        put("contentType", exchange.getRequestHeaders().getFirst("Content-Type"));
        put("upgrade", exchange.getRequestHeaders().getFirst("Upgrade"));
    }

    private void put(String key, String value) {
        if (value != null) {
            received.put(key, value);
        }
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (type != null) {
            exchange.getResponseHeaders().set("Content-Type", type);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
