package dev.lockstep.platform.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import org.junit.jupiter.api.Test;

class TraceParentTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN = "00f067aa0ba902b7";

    @Test
    void aSpanSurvivesTheOutboxRowAsAW3cTraceparent() {
        Span span = Span.wrap(SpanContext.create(TRACE, SPAN, TraceFlags.getSampled(), TraceState.getDefault()));
        String kept = TraceParent.of(span);
        assertEquals("00-" + TRACE + "-" + SPAN + "-01", kept);

        SpanContext continued = Span.fromContext(TraceParent.parse(kept)).getSpanContext();
        assertEquals(TRACE, continued.getTraceId());
        assertEquals(SPAN, continued.getSpanId());
        assertEquals(true, continued.isSampled());
        assertEquals(true, continued.isRemote());
    }

    @Test
    void withTracingOffNothingIsKeptAndNothingIsContinued() {
        assertNull(TraceParent.of(Span.getInvalid()));
        assertEquals(Context.root(), TraceParent.parse(null));
        assertFalse(Span.fromContext(TraceParent.parse("not a traceparent")).getSpanContext().isValid());
    }
}
