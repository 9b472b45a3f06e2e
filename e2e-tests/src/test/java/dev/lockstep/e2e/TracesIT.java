package dev.lockstep.e2e;

import static dev.lockstep.e2e.support.Lockstep.PASSWORD;
import static dev.lockstep.e2e.support.Lockstep.newAccount;
import static dev.lockstep.e2e.support.Lockstep.nthCode;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockstep.e2e.support.Lockstep;
import dev.lockstep.e2e.support.SharedSandbox;
import dev.lockstep.launcher.Service;
import dev.lockstep.launcher.TraceReceiver;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * OpenTelemetry across the sandbox: a login that arrives with a W3C {@code traceparent} is one trace,
 * from auth-service's HTTP span through the Kafka hops to otp-service issuing the code and the
 * simulated network delivering it.
 */
@ExtendWith(SharedSandbox.class)
class TracesIT {

    @Test
    void anSmsLoginIsOneTraceFromTheHttpCallThroughEveryKafkaHopToTheDeliveredCode() {
        Lockstep.Account account = newAccount();
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String callerSpan = HexFormat.of().formatHex(randomBytes(8));
        Response opened = given().header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .contentType(ContentType.JSON).body(Map.of("username", account.username(), "password", PASSWORD))
                .post(SharedSandbox.url(Service.AUTH) + "/v1/login");
        assertEquals(200, opened.statusCode(), opened.asString());
        nthCode(account.phone(), 1);

        // spans are exported in batches (every few seconds)
        await("the login's spans from three services").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<TraceReceiver.Span> trace = SharedSandbox.traces().trace(traceId);
            Set<String> names = trace.stream().map(span -> span.service() + ": " + span.name()).collect(Collectors.toSet());
            assertTrue(names.contains("auth-service: outbox lockstep.login.challenge-created.v1"), names.toString());
            assertTrue(names.contains("auth-service: outbox-relay lockstep.auth.events"), names.toString());
            assertTrue(names.contains("otp-service: handle lockstep.login.challenge-created.v1"), names.toString());
            assertTrue(names.contains("otp-service: outbox-relay lockstep.messages.outbound"), names.toString());
            assertTrue(names.contains("sms-gateway-sim: handle lockstep.message.outbound.v1"), names.toString());
            assertTrue(trace.stream().anyMatch(span -> span.service().equals("otp-service")
                    && span.scope().startsWith("io.opentelemetry.jdbc")), "otp-service's SQL statements are in it: " + names);
            assertTrue(trace.stream().anyMatch(span -> span.service().equals("auth-service")
                    && span.parentSpanId().equals(callerSpan)), "auth-service's HTTP span continues the caller's: " + names);
        });

        // one connected tree: every span's parent is in the trace, or is the caller's span (a parent ends,
        // and is exported, after its children: a relay's span after the broker acknowledged the send)
        await("one connected tree").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<TraceReceiver.Span> trace = SharedSandbox.traces().trace(traceId);
            Set<String> ids = trace.stream().map(TraceReceiver.Span::spanId).collect(Collectors.toSet());
            for (TraceReceiver.Span span : trace) {
                assertTrue(ids.contains(span.parentSpanId()) || span.parentSpanId().equals(callerSpan),
                        span + " hangs off a span the trace does not have");
            }
        });
    }

    @Test
    void verifyingTheCodeIsOneTraceAcrossAuthServicesHttpCallToOtpService() {
        Lockstep.Account account = newAccount();
        Response opened = Lockstep.login(account.username(), PASSWORD);
        assertEquals(200, opened.statusCode(), opened.asString());
        String code = nthCode(account.phone(), 1);
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        Response verified = given()
                .header("traceparent", "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01")
                .contentType(ContentType.JSON).body(Map.of("code", code))
                .post(SharedSandbox.url(Service.AUTH) + "/v1/login/" + opened.path("challengeId") + "/verify");
        assertEquals(200, verified.statusCode(), verified.asString());

        await("otp-service's span under auth-service's call").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<TraceReceiver.Span> trace = SharedSandbox.traces().trace(traceId);
            Set<String> authSpans = trace.stream().filter(span -> span.service().equals("auth-service"))
                    .map(TraceReceiver.Span::spanId).collect(Collectors.toSet());
            assertTrue(trace.stream().anyMatch(span -> span.service().equals("otp-service")
                    && authSpans.contains(span.parentSpanId())),
                    "otp-service's HTTP span is a child of auth-service's client call: " + trace);
            assertTrue(trace.stream().anyMatch(span -> span.service().equals("auth-service")
                    && span.name().equals("outbox lockstep.login.succeeded.v1")), trace.toString());
        });
    }

    @Test
    void aConsoleCallThroughTheSimulatorsProxyIsOneTraceWithTheServiceItReaches() {
        Lockstep.Account account = newAccount();
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        Response proxied = given()
                .header("traceparent", "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01")
                .header("Authorization", Lockstep.admin())
                .get(SharedSandbox.url(Service.SIM) + "/v1/console/auth/v1/admin/accounts/" + account.username());
        assertEquals(200, proxied.statusCode(), proxied.asString());

        await("auth-service's span under the simulator's client call").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<TraceReceiver.Span> trace = SharedSandbox.traces().trace(traceId);
            Set<String> simSpans = trace.stream().filter(span -> span.service().equals("sms-gateway-sim"))
                    .map(TraceReceiver.Span::spanId).collect(Collectors.toSet());
            assertTrue(trace.stream().anyMatch(span -> span.service().equals("auth-service")
                    && simSpans.contains(span.parentSpanId())),
                    "auth-service's HTTP span is a child of the console proxy's client call: " + trace);
        });
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
