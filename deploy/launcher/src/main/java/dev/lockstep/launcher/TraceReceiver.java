package dev.lockstep.launcher;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;

/**
 * An OTLP/HTTP traces endpoint (protobuf, as the services export with {@code --otlp-endpoint}) on
 * loopback: keeps the newest spans the sandbox sends, so a test can follow one login through the
 * services and a benchmark can split a code's delivery into its hops.
 */
public final class TraceReceiver implements AutoCloseable {

    private static final int KEPT = 100_000;

    /**
     * One span as received, ids in lower-case hex, times in nanoseconds since the epoch; {@code scope}
     * names the instrumentation that made it (e.g. {@code io.opentelemetry.jdbc} for a statement).
     */
    public record Span(String service, String scope, String traceId, String spanId, String parentSpanId, String name,
            long startNanos, long endNanos) {
    }

    private final HttpServer server;
    private final Deque<Span> spans = new ArrayDeque<>();

    private TraceReceiver(HttpServer server) {
        this.server = server;
    }

    /** Listens on a free port. */
    public static TraceReceiver start() {
        return start(0);
    }

    /** Listens on {@code port} of 127.0.0.1 (0: a free one). */
    public static TraceReceiver start(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            TraceReceiver collector = new TraceReceiver(server);
            server.createContext("/v1/traces", collector::receive);
            server.start();
            return collector;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the services send their spans. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
    }

    /** The spans received so far with this trace id. */
    public synchronized List<Span> trace(String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    /** Every span kept. */
    public synchronized List<Span> spans() {
        return List.copyOf(spans);
    }

    /** Forgets the spans received so far. */
    public synchronized void clear() {
        spans.clear();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
            for (ResourceSpans resource : request.getResourceSpansList()) {
                String service = resource.getResource().getAttributesList().stream()
                        .filter(attribute -> attribute.getKey().equals("service.name"))
                        .map(KeyValue::getValue).map(value -> value.getStringValue()).findFirst().orElse("?");
                for (ScopeSpans scope : resource.getScopeSpansList()) {
                    String scopeName = scope.getScope().getName();
                    scope.getSpansList().forEach(span -> keep(new Span(service, scopeName, hex(span.getTraceId().toByteArray()),
                            hex(span.getSpanId().toByteArray()), hex(span.getParentSpanId().toByteArray()),
                            span.getName(), span.getStartTimeUnixNano(), span.getEndTimeUnixNano())));
                }
            }
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
        }
    }

    private synchronized void keep(Span span) {
        spans.addLast(span);
        if (spans.size() > KEPT) {
            spans.removeFirst();
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
