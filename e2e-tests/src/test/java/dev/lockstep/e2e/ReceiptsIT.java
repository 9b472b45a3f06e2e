package dev.lockstep.e2e;

import static dev.lockstep.e2e.support.Lockstep.uniquePhone;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lockstep.contracts.Events;
import dev.lockstep.contracts.MessageStatusChanged;
import dev.lockstep.contracts.Topic;
import dev.lockstep.e2e.support.Lockstep;
import dev.lockstep.e2e.support.SharedSandbox;
import dev.lockstep.launcher.Service;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every carrier error code, produced by phone state or by a rule, arrives as a delivery receipt on
 * the real broker's {@code lockstep.messages.status} topic, where an application would read it.
 */
@ExtendWith(SharedSandbox.class)
@Order(7)
class ReceiptsIT {

    private static final AtomicLong LANDLINES = new AtomicLong(System.nanoTime() % 9_000_000);

    /** A new phone in the given state. */
    private static String phoneIn(String state) {
        String phone = uniquePhone();
        given().header("Authorization", Lockstep.admin()).contentType(ContentType.JSON).body(state)
                .put(SharedSandbox.url(Service.SIM) + "/v1/phones/" + phone).then().statusCode(200);
        return phone;
    }

    private static String sendSms(String to) {
        return given().header("Authorization", Lockstep.admin()).contentType(ContentType.JSON)
                .body(Map.of("to", to, "text", "Your Lockstep code is 246810", "kind", "login-code"))
                .post(SharedSandbox.url(Service.SIM) + "/v1/messages").then().statusCode(201).extract().path("id");
    }

    @Test
    void eachCarrierErrorCodeArrivesAsAStatusEventOnKafka() {
        Map<String, String> expected = new LinkedHashMap<>(); // message id -> "final status/error code"
        expected.put(sendSms(phoneIn("{\"handset\":\"off\"}")), "undelivered/30003");
        expected.put(sendSms(phoneIn("{\"signal\":\"none\"}")), "undelivered/30003");
        expected.put(sendSms(phoneIn("{\"roaming\":\"ES\",\"roamingAgreement\":false}")), "undelivered/30003");
        expected.put(sendSms(phoneIn("{\"sim\":\"cancelled\"}")), "undelivered/30005");
        String landline = "+813" + (10_000_000 + LANDLINES.incrementAndGet());
        expected.put(sendSms(landline), "failed/30006");
        expected.put(sendSms(phoneIn("{\"smsFilter\":\"alphanumeric\"}")), "undelivered/30007");
        expected.put(sendSms(phoneIn("{\"inboxCapacity\":0}")), "undelivered/30008");
        expected.put(sendSms(phoneIn("{\"optedOut\":true}")), "failed/21610");
        expected.put(sendSms(phoneIn("{\"smsCapable\":false}")), "failed/21614");
        String ruled = uniquePhone();
        given().header("Authorization", Lockstep.admin()).contentType(ContentType.JSON)
                .body("{\"match\":{\"number\":\"" + ruled + "\"},\"effect\":{\"type\":\"reject\",\"errorCode\":30008}}")
                .post(SharedSandbox.url(Service.SIM) + "/v1/faults").then().statusCode(201);
        expected.put(sendSms(ruled), "failed/30008");
        String healthy = uniquePhone();
        expected.put(sendSms(healthy), "delivered/null");

        Map<String, List<MessageStatusChanged>> receipts = readReceipts(expected.keySet());
        for (Map.Entry<String, String> entry : expected.entrySet()) {
            List<MessageStatusChanged> seen = receipts.get(entry.getKey());
            MessageStatusChanged last = seen.get(seen.size() - 1);
            assertEquals(entry.getValue(), last.status() + "/" + last.errorCode(), "receipts " + seen);
            assertEquals("queued", seen.get(0).status(), "receipts " + seen);
        }
    }

    /** Reads the status topic from the start until every message has its final receipt. */
    private static Map<String, List<MessageStatusChanged>> readReceipts(Set<String> ids) {
        Map<String, List<MessageStatusChanged>> receipts = new LinkedHashMap<>();
        Lockstep.awaitEvents(Topic.MESSAGES_STATUS,
                event -> Events.is(event, MessageStatusChanged.class)
                        && ids.contains(Events.body(event, MessageStatusChanged.class).messageId()),
                seen -> ids.stream().allMatch(id -> isFinal(seen.stream()
                        .map(e -> Events.body(e, MessageStatusChanged.class))
                        .filter(s -> s.messageId().equals(id)).toList())))
                .stream().map(e -> Events.body(e, MessageStatusChanged.class))
                .forEach(s -> receipts.computeIfAbsent(s.messageId(), id -> new ArrayList<>()).add(s));
        return receipts;
    }

    private static boolean isFinal(List<MessageStatusChanged> seen) {
        if (seen.isEmpty()) {
            return false;
        }
        String last = seen.get(seen.size() - 1).status();
        return last.equals("delivered") || last.equals("undelivered") || last.equals("failed");
    }
}
