package dev.lockstep.sim.scenario;

import dev.lockstep.sim.domain.Message;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** The codes the virtual phones and mailboxes received, as a scenario's user reads them. */
@ApplicationScoped
public class DeliveredCodes {

    /**
     * The newest code delivered to a phone or mailbox that no step used yet (waiting up to
     * {@code wait}), or null: a step never takes a code an earlier step took.
     */
    String fresh(ScenarioRun state, String contact, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (contact != null) {
            String code = newestCode(contact);
            if (code != null && !code.equals(state.usedCodes.get(contact))) {
                state.usedCodes.put(contact, code);
                return code;
            }
            if (System.nanoTime() > deadline) {
                return null;
            }
            SandboxApi.sleep(100);
        }
        return null;
    }

    /** The newest code delivered to a phone or mailbox, or null. */
    private static String newestCode(String address) {
        return QuarkusTransaction.requiringNew().call(() -> Message.<Message> find(
                "address = ?1 and status = 'delivered' and code is not null order by arrival desc", address)
                .firstResultOptional().map(m -> m.code).orElse(null));
    }
}
