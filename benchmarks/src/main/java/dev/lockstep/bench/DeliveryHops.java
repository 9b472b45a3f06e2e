package dev.lockstep.bench;

import dev.lockstep.launcher.TraceReceiver.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Splits an SMS code's way from auth-service's commit to the simulated phone into its hops, from the
 * spans of one trace per login (a sandbox started with {@code --otlp-endpoint}): each service's
 * {@code outbox <type>} span marks the moment its event row was written, {@code outbox-relay <topic>}
 * runs from handing the record to the producer to the broker's acknowledgement, {@code handle <type>}
 * is the consumer's transaction, and the JDBC instrumentation's spans below it are its SQL statements.
 */
final class DeliveryHops {

    /** The hops in the order a code travels them; a part of another hop is left out of the sum. */
    enum Hop {
        AUTH_COMMIT("auth-service: rest of the transaction, commit, relay picks the row", false),
        AUTH_ACK("  (part of the next: auth-service's relay, send until the broker acknowledged)", true),
        KAFKA_TO_OTP("Kafka: auth-service's send to otp-service's handling", false),
        OTP_HANDLE("otp-service: handling until the message's outbox row", false),
        OTP_COMMIT("otp-service: rest of the transaction, commit, relay picks the row", false),
        OTP_DB("  (part of the two above: otp-service's SQL statements)", true),
        KAFKA_TO_SIM("Kafka: otp-service's send to sms-gateway-sim's handling", false),
        SIM_HANDLE("sms-gateway-sim: delivery into the inbox, commit", false),
        SIM_DB("  (part of the above: sms-gateway-sim's SQL statements)", true);

        final String label;
        final boolean part;

        Hop(String label, boolean part) {
            this.label = label;
            this.part = part;
        }
    }

    /** The instrumentation scope of the JDBC statements' spans. */
    private static final String JDBC = "io.opentelemetry.jdbc";

    private static final String CHALLENGE = "lockstep.login.challenge-created.v1";
    private static final String OUTBOUND = "lockstep.message.outbound.v1";

    private DeliveryHops() {
    }

    /** Per login whose trace holds every span of the way: the nanoseconds of each {@link Hop}. */
    static List<long[]> measure(List<Span> spans) {
        List<long[]> measured = new ArrayList<>();
        Map<String, List<Span>> traces = spans.stream().collect(Collectors.groupingBy(Span::traceId));
        for (List<Span> trace : traces.values()) {
            Optional<Span> authRow = find(trace, "auth-service", "outbox " + CHALLENGE);
            Optional<Span> authRelay = authRow.flatMap(row -> child(trace, row, "outbox-relay lockstep.auth.events"));
            Optional<Span> otpHandle = find(trace, "otp-service", "handle " + CHALLENGE);
            Optional<Span> otpRow = find(trace, "otp-service", "outbox " + OUTBOUND);
            Optional<Span> otpRelay = otpRow.flatMap(row -> child(trace, row, "outbox-relay lockstep.messages.outbound"));
            Optional<Span> simHandle = find(trace, "sms-gateway-sim", "handle " + OUTBOUND);
            if (authRelay.isEmpty() || otpHandle.isEmpty() || otpRelay.isEmpty() || simHandle.isEmpty()) {
                continue;
            }
            measured.add(new long[] {
                    authRelay.get().startNanos() - authRow.get().endNanos(),
                    authRelay.get().endNanos() - authRelay.get().startNanos(),
                    otpHandle.get().startNanos() - authRelay.get().startNanos(),
                    otpRow.get().endNanos() - otpHandle.get().startNanos(),
                    otpRelay.get().startNanos() - otpRow.get().endNanos(),
                    statementsUnder(trace, otpHandle.get()),
                    simHandle.get().startNanos() - otpRelay.get().startNanos(),
                    simHandle.get().endNanos() - simHandle.get().startNanos(),
                    statementsUnder(trace, simHandle.get()) });
        }
        return measured;
    }

    /** Prints each hop's percentiles and its share of the sum of the medians (the parts of other hops left out). */
    static void print(List<long[]> measured) {
        System.out.printf("  %d logins traced end to end; the hops of a code's way (OpenTelemetry spans):%n", measured.size());
        double sum = 0;
        for (Hop hop : Hop.values()) {
            if (!hop.part) {
                sum += percentiles(measured, hop).ms(50);
            }
        }
        for (Hop hop : Hop.values()) {
            Percentiles p = percentiles(measured, hop);
            String share = hop.part ? "      " : String.format("%5.1f%%", 100 * p.ms(50) / sum);
            System.out.printf("    %-82s %s  %s%n", hop.label, p.fineLine(), share);
        }
        System.out.printf("    %-82s p50 %6.3f ms%n", "sum of the medians (auth-service's commit to the code in the inbox)",
                sum);
    }

    private static Percentiles percentiles(List<long[]> measured, Hop hop) {
        return new Percentiles(measured.stream().mapToLong(hops -> hops[hop.ordinal()]).toArray());
    }

    /** How long the JDBC statements below {@code handling} took together (0 without JDBC spans). */
    private static long statementsUnder(List<Span> trace, Span handling) {
        Map<String, String> parents = trace.stream().collect(Collectors.toMap(Span::spanId, Span::parentSpanId, (a, b) -> a));
        long total = 0;
        for (Span span : trace) {
            if (span.scope().startsWith(JDBC) && below(parents, span.parentSpanId(), handling.spanId())) {
                total += span.endNanos() - span.startNanos();
            }
        }
        return total;
    }

    private static boolean below(Map<String, String> parents, String spanId, String ancestor) {
        for (int depth = 0; spanId != null && depth < 32; depth++) {
            if (spanId.equals(ancestor)) {
                return true;
            }
            spanId = parents.get(spanId);
        }
        return false;
    }

    private static Optional<Span> find(List<Span> trace, String service, String name) {
        return trace.stream().filter(span -> span.service().equals(service) && span.name().equals(name)).findFirst();
    }

    private static Optional<Span> child(List<Span> trace, Span parent, String name) {
        return trace.stream().filter(span -> span.parentSpanId().equals(parent.spanId()) && span.name().equals(name))
                .findFirst();
    }
}
