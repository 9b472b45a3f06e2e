package dev.lockstep.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lockstep.e2e.support.Backbone;
import dev.lockstep.e2e.support.Lockstep;
import dev.lockstep.e2e.support.SharedSandbox;
import dev.lockstep.launcher.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A sandbox reset while events are still on their way: an account is created and signs in with an
 * SMS code; the sandbox is reset; then every record that story wrote reaches the services once more
 * as if it had waited on its topic all along (the same record under a new event id, so it is not a
 * repeat the services remember). Nothing from before the reset may land after it: no account, no
 * factor, no code sent, no message in the phone's inbox or delivery log.
 */
@ExtendWith(SharedSandbox.class)
@Order(28)
class ResetFencingIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void nothingWrittenBeforeAResetLandsAfterIt() {
        long since = System.currentTimeMillis();
        Lockstep.Account account = Lockstep.newAccount("fence-" + UUID.randomUUID().toString().substring(0, 8)
                + "@example.com");
        String challenge = Lockstep.challenge(account);
        assertEquals(200, Lockstep.verify(challenge, Lockstep.nthCode(account.phone(), 1)).statusCode());
        Backbone.awaitConsumersCaughtUp();
        List<ConsumerRecord<String, String>> written = Backbone.recordsSince(since);
        assertTrue(written.stream().anyMatch(r -> r.value().contains("lockstep.account.created"))
                && written.stream().anyMatch(r -> r.value().contains(account.phone())),
                "the story's events are on the backbone: " + written.size());

        given().header("Authorization", Lockstep.admin()).post(SharedSandbox.url(Service.SIM) + "/v1/sandbox/reset")
                .then().statusCode(204);
        Backbone.publish(written, ResetFencingIT::underANewId);
        Backbone.awaitConsumersCaughtUp();

        String admin = Lockstep.admin();
        given().header("Authorization", admin).get(SharedSandbox.url(Service.AUTH) + "/v1/admin/accounts/"
                + account.username()).then().statusCode(404);
        given().header("Authorization", admin).get(SharedSandbox.url(Service.OTP) + "/v1/admin/accounts/"
                + account.id() + "/phones").then().statusCode(200).body("size()", Matchers.is(0));
        assertEquals(List.of(), Lockstep.inbox(account.phone()), "no code sent after the reset");
        assertEquals(List.of(), Lockstep.deliveryLog(account.phone()), "nothing in the delivery log");
    }

    private static String underANewId(String value) {
        try {
            ObjectNode event = (ObjectNode) JSON.readTree(value);
            event.put("id", UUID.randomUUID().toString());
            return JSON.writeValueAsString(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
