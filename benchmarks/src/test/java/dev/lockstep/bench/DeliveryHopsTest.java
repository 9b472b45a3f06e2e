package dev.lockstep.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lockstep.launcher.TraceReceiver.Span;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryHopsTest {

    private static final long MS = 1_000_000;

    /** The spans one traced SMS login leaves, times in milliseconds from an arbitrary start. */
    private static List<Span> login(String trace) {
        return new ArrayList<>(List.of(
                new Span("auth-service", "lockstep", trace, "a1", "h0", "POST /v1/login", 0, 60 * MS),
                new Span("auth-service", "lockstep", trace, "a2", "h0", "outbox lockstep.login.challenge-created.v1", 50 * MS,
                        50 * MS),
                new Span("auth-service", "lockstep", trace, "a3", "a2", "outbox-relay lockstep.auth.events", 53 * MS, 57 * MS),
                new Span("otp-service", "lockstep", trace, "o1", "k1", "handle lockstep.login.challenge-created.v1", 62 * MS,
                        70 * MS),
                new Span("otp-service", "lockstep", trace, "o2", "o1", "outbox lockstep.message.outbound.v1", 65 * MS, 65 * MS),
                new Span("otp-service", "lockstep", trace, "o3", "o2", "outbox-relay lockstep.messages.outbound", 71 * MS,
                        74 * MS),
                new Span("sms-gateway-sim", "lockstep", trace, "s1", "k2", "handle lockstep.message.outbound.v1", 77 * MS,
                        86 * MS),
                new Span("otp-service", "io.opentelemetry.jdbc", trace, "j1", "o1", "SELECT factor", 62 * MS, 63 * MS),
                new Span("otp-service", "io.opentelemetry.jdbc", trace, "j2", "o2x", "INSERT issued_code", 64 * MS, 66 * MS),
                new Span("otp-service", "lockstep", trace, "o2x", "o1", "an inner span", 64 * MS, 67 * MS),
                new Span("sms-gateway-sim", "io.opentelemetry.jdbc", trace, "j3", "s1", "INSERT message", 80 * MS, 84 * MS),
                new Span("auth-service", "io.opentelemetry.jdbc", trace, "j4", "a1", "SELECT account", 10 * MS, 30 * MS)));
    }

    @Test
    void aTracedLoginIsSplitIntoTheHopsOfItsCodesWay() {
        List<long[]> hops = DeliveryHops.measure(login("t1"));
        assertEquals(1, hops.size());
        // commit→relay 3, ack 4, Kafka→otp 9, otp handling 3, otp commit→relay 6, otp statements 1+2
        // (auth-service's statement is no part of it), Kafka→sim 6, sim 9, sim statements 4
        assertArrayEquals(new long[] { 3 * MS, 4 * MS, 9 * MS, 3 * MS, 6 * MS, 3 * MS, 6 * MS, 9 * MS, 4 * MS }, hops.get(0));
    }

    @Test
    void aLoginWhoseTraceLacksAHopIsLeftOut() {
        List<Span> partial = login("t2");
        partial.removeIf(span -> span.service().equals("sms-gateway-sim"));
        List<Span> spans = new ArrayList<>(partial);
        spans.addAll(login("t3"));
        assertEquals(1, DeliveryHops.measure(spans).size());
    }
}
