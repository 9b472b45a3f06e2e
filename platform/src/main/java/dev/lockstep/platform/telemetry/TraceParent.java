package dev.lockstep.platform.telemetry;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A span's context as a W3C {@code traceparent} string, so that it survives the outbox table: the
 * transaction that writes an event keeps it, the relay that publishes the event later continues the
 * trace from it. With tracing off there is no valid span and nothing is kept.
 */
public final class TraceParent {

    private static final String HEADER = "traceparent";

    private static final TextMapSetter<Map<String, String>> SETTER = Map::put;

    private static final TextMapGetter<String> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(HEADER);
        }

        @Override
        public String get(String carrier, String key) {
            return HEADER.equals(key) ? carrier : null;
        }
    };

    private TraceParent() {
    }

    /** {@code span}'s context as a {@code traceparent}, or null when it is not a real (recorded) span. */
    public static String of(Span span) {
        SpanContext context = span.getSpanContext();
        if (!context.isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(Context.root().with(span), carrier, SETTER);
        return carrier.get(HEADER);
    }

    /** The context {@code traceparent} names, to start child spans in; the root context when it is null or not one. */
    public static Context parse(String traceparent) {
        if (traceparent == null) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, GETTER);
    }
}
