package dev.lockstep.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lockstep.contracts.CloudEvent;
import dev.lockstep.contracts.Events;
import dev.lockstep.contracts.MessageStatusChanged;
import dev.lockstep.contracts.RecoveryCaseChanged;
import dev.lockstep.contracts.Topic;
import dev.lockstep.e2e.support.Lockstep;
import dev.lockstep.e2e.support.SharedSandbox;
import dev.lockstep.launcher.Sandbox;
import dev.lockstep.launcher.Service;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The broker killed (SIGKILL) and restarted at each step of a login — the code issued but not yet
 * with the phone, the phone's receipt written but not yet published — and of a waiting-period
 * recovery — as the wait starts, while it runs, at completion. Each time: nothing lost (the code,
 * the notice, the receipt arrive), nothing twice (one message, one receipt per status, one event
 * per case change), no account stuck, and the outcome in the delivery log and on the timeline's
 * topics. Runs after {@link BrokerOutageIT}: it takes the shared broker down.
 */
@ExtendWith(SharedSandbox.class)
@Order(101)
class BrokerFaultsIT {

    private static final Duration BACK = Duration.ofSeconds(90);

    @AfterEach
    void everyProcessRunsAgain() throws Exception {
        Sandbox sandbox = SharedSandbox.sandbox();
        signal("CONT", Service.SIM);
        if (!sandbox.broker().running()) {
            sandbox.restartBroker(Duration.ofSeconds(60));
        }
        Lockstep.awaitEveryServiceReady(BACK);
    }

    @Test
    void aCodeIssuedButNotYetWithThePhoneWhenTheBrokerDiesArrivesOnce() throws Exception {
        Lockstep.Account account = Lockstep.newAccount();
        signal("STOP", Service.SIM); // the phone network stops reading: the code stays on its topic
        String challenge = Lockstep.challenge(account);
        Lockstep.awaitEvents(Topic.MESSAGES_OUTBOUND, e -> account.phone().equals(e.subject()), seen -> !seen.isEmpty());

        SharedSandbox.sandbox().broker().kill();
        signal("CONT", Service.SIM);
        SharedSandbox.sandbox().restartBroker(Duration.ofSeconds(60));

        String code = Lockstep.nthCode(account.phone(), 1, BACK);
        assertEquals(200, Lockstep.verify(challenge, code).statusCode());
        assertEquals(1, Lockstep.inbox(account.phone()).size(), "the code arrives once");
        List<Map<String, Object>> log = Lockstep.deliveryLog(account.phone());
        assertEquals(1, log.size(), "one message in the delivery log: " + log);
        assertEquals("delivered", log.get(0).get("status"));
        assertEquals(List.of("queued", "sent", "delivered"), receipts(account.phone()));
    }

    @Test
    void aReceiptWrittenWhileTheBrokerIsDownIsPublishedOnceItIsBack() throws Exception {
        Lockstep.Account account = Lockstep.newAccount();
        given().header("Authorization", Lockstep.admin()).contentType(ContentType.JSON)
                .body("{\"match\":{\"number\":\"" + account.phone() + "\"},\"effect\":{\"type\":\"delay\",\"delay\":\"PT6S\"}}")
                .post(SharedSandbox.url(Service.SIM) + "/v1/faults").then().statusCode(201);
        String challenge = Lockstep.challenge(account);
        await("the code is held by the network").atMost(Duration.ofSeconds(30))
                .until(() -> !Lockstep.deliveryLog(account.phone()).isEmpty());

        SharedSandbox.sandbox().broker().kill();
        SharedSandbox.client().advanceClock(Duration.ofSeconds(10)); // the network's own clock: the hold is over
        String code = Lockstep.nthCode(account.phone(), 1, Duration.ofSeconds(60)); // delivered with the broker down
        SharedSandbox.sandbox().restartBroker(Duration.ofSeconds(60));

        assertEquals(List.of("queued", "sent", "delivered"), receipts(account.phone()));
        assertEquals(200, Lockstep.verify(challenge, code).statusCode());
        assertEquals(1, Lockstep.inbox(account.phone()).size());
    }

    @Test
    void aRecoveryOutlivesTheBrokerDyingAsTheWaitStartsWhileItRunsAndAtCompletion() throws Exception {
        String email = "broker-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Lockstep.Account account = Lockstep.newAccount(email);
        String recoveryPhone = Lockstep.uniquePhone();
        String recovery = SharedSandbox.url(Service.RECOVERY);
        String caseId = given().contentType(ContentType.JSON).body(Map.of("username", account.username(),
                "trustedPhone", account.phone(), "recoveryPhone", recoveryPhone))
                .post(recovery + "/v1/recovery/cases").then().statusCode(201).extract().path("caseId");
        String contactCode = Lockstep.codeAfter(Lockstep.messageContaining(recoveryPhone, "recovery code is"),
                "recovery code is");

        SharedSandbox.sandbox().broker().kill(); // as the wait starts
        given().contentType(ContentType.JSON).body(Map.of("code", contactCode))
                .post(recovery + "/v1/recovery/cases/" + caseId + "/verify-contact").then().statusCode(200)
                .body("status", equalTo("REQUESTED"));
        SharedSandbox.sandbox().restartBroker(Duration.ofSeconds(60));
        Lockstep.messageContaining(email, "account recovery was requested");

        SharedSandbox.sandbox().broker().kill(); // while it runs: the clock moves past its end
        SharedSandbox.client().advanceClock(Duration.ofDays(3));
        SharedSandbox.sandbox().restartBroker(Duration.ofSeconds(60));
        // every service on the new time before the owner signs in: a challenge opened on the old time in
        // an auth-service that learns of the three days only afterwards is already expired (410)
        SharedSandbox.client().awaitClock(BACK);
        await("the wait is over").atMost(BACK).until(() -> "READY".equals(given()
                .header("Authorization", Lockstep.admin()).get(recovery + "/v1/admin/recovery/cases/" + caseId)
                .then().extract().path("status")));
        String code = Lockstep.codeAfter(Lockstep.messageContaining(recoveryPhone, "is ready"), "recovery code is");

        SharedSandbox.sandbox().broker().kill(); // at completion
        given().contentType(ContentType.JSON).body(Map.of("code", code, "newPassword", "a brand new passphrase"))
                .post(recovery + "/v1/recovery/cases/" + caseId + "/complete").then().statusCode(200)
                .body("status", equalTo("COMPLETED"));
        SharedSandbox.sandbox().restartBroker(Duration.ofSeconds(60));

        List<String> history = given().header("Authorization", Lockstep.admin())
                .get(recovery + "/v1/admin/recovery/cases/" + caseId).then().statusCode(200).extract().jsonPath()
                .getList("history.status", String.class);
        assertEquals(List.of("WAITING", "READY", "COMPLETED"), history.subList(history.size() - 3, history.size()));
        assertEquals(history, caseChanges(caseId, history.size()),
                "each change of the case on the topic once, in order");
        List<String> mail = given().get(SharedSandbox.url(Service.SIM) + "/v1/mailboxes/" + email + "/messages")
                .then().statusCode(200).extract().jsonPath().getList("text", String.class);
        assertEquals(1, mail.stream().filter(t -> t.contains("account recovery was requested")).count(),
                "the notice once: " + mail);
        assertEquals(2, Lockstep.inbox(recoveryPhone).size(), "the contact code and the ready code, each once");
        String challenge = Lockstep.login(account.username(), "a brand new passphrase").then().statusCode(200)
                .extract().path("challengeId");
        assertEquals(200, Lockstep.verify(challenge, Lockstep.nthCode(recoveryPhone, 3, BACK)).statusCode(),
                "the owner signs in with the new password and the recovery phone");
    }

    /**
     * The statuses the phone's receipts reported on the status topic, one per event id, in the order
     * they were published — read once the final receipt is there and nothing more came for 3 s.
     */
    private static List<String> receipts(String phone) {
        Predicate<CloudEvent> wanted = e -> phone.equals(e.subject());
        Lockstep.awaitEvents(Topic.MESSAGES_STATUS, wanted, seen -> seen.stream()
                .anyMatch(e -> "delivered".equals(Events.body(e, MessageStatusChanged.class).status())));
        return firstOfEachId(Lockstep.settledEvents(Topic.MESSAGES_STATUS, wanted, Duration.ofSeconds(3))).stream()
                .map(e -> Events.body(e, MessageStatusChanged.class).status()).toList();
    }

    /** The case's statuses on the recovery topic, one per event id, once {@code expected} arrived and nothing more for 3 s. */
    private static List<String> caseChanges(String caseId, int expected) {
        Predicate<CloudEvent> wanted = e -> Events.is(e, RecoveryCaseChanged.class)
                && caseId.equals(Events.body(e, RecoveryCaseChanged.class).caseId());
        Lockstep.awaitEvents(Topic.RECOVERY_EVENTS, wanted, seen -> firstOfEachId(seen).size() >= expected);
        return firstOfEachId(Lockstep.settledEvents(Topic.RECOVERY_EVENTS, wanted, Duration.ofSeconds(3))).stream()
                .map(e -> Events.body(e, RecoveryCaseChanged.class).status()).toList();
    }

    /** The events in the order read, a republished one (same id) kept only where it first appeared. */
    private static List<CloudEvent> firstOfEachId(List<CloudEvent> events) {
        Map<String, CloudEvent> first = new LinkedHashMap<>();
        events.forEach(e -> first.putIfAbsent(e.id(), e));
        return List.copyOf(first.values());
    }

    /** Sends a signal to a service's process ({@code STOP} pauses it, {@code CONT} resumes it). */
    private static void signal(String signal, Service service) throws IOException, InterruptedException {
        Long pid = SharedSandbox.sandbox().pids().get(service.moduleName());
        if (pid != null) {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
            assertEquals(0, kill.waitFor(), "kill -" + signal + " " + pid);
        }
    }
}
