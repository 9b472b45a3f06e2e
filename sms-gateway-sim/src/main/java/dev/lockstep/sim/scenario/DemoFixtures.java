package dev.lockstep.sim.scenario;

import dev.lockstep.client.HttpJson.Reply;
import dev.lockstep.platform.phone.PhoneNumbers;
import dev.lockstep.platform.problem.ProblemException;
import dev.lockstep.sim.config.SimConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;

/**
 * The demo account that {@code ./lockstep up} prints (username, password, trusted phone), made again
 * after every sandbox reset and beside every scenario's own accounts, so the README's promise holds
 * until someone asks for an empty sandbox.
 */
@ApplicationScoped
public class DemoFixtures {

    /** The demo account as it stands. */
    public record Demo(String username, String id, String phone) {
    }

    @Inject
    SimConfig config;

    @Inject
    SandboxApi api;

    /** Whether this sandbox has demo fixtures at all ({@code ./lockstep up --empty} has none). */
    public boolean configured() {
        SimConfig.Demo demo = config.demo();
        return demo.username().isPresent() && demo.password().isPresent() && demo.phone().isPresent();
    }

    /**
     * Makes the demo account unless it is there, and waits until its phone is a usable factor (a
     * login right after gets its code); empty where none are configured.
     */
    public Optional<Demo> restore() {
        if (!configured()) {
            return Optional.empty();
        }
        SimConfig.Demo demo = config.demo();
        String username = demo.username().orElseThrow();
        String phone = PhoneNumbers.toE164(demo.phone().orElseThrow());
        Reply created = api.send("POST", api.auth() + "/v1/admin/accounts",
                Map.of("username", username, "password", demo.password().orElseThrow(), "phone", phone), api.adminToken());
        String id;
        if (created.status() == 201) {
            id = created.body().get("id").asText();
        } else if (created.status() == 409) {
            id = api.call("GET", api.auth() + "/v1/admin/accounts/" + SandboxApi.encode(username), null, 200,
                    "demo account").body().get("id").asText();
        } else {
            throw new ProblemException(503, "demo-fixtures-failed", "The demo account could not be made",
                    "auth-service answered " + created.status() + ": " + created.body());
        }
        try {
            api.client().awaitPhoneFactor(id, api.waits().accountSetupWait());
        } catch (IllegalStateException e) {
            throw new ProblemException(503, "demo-fixtures-failed", "The demo account's phone never reached otp-service",
                    "Is the broker running?");
        }
        return Optional.of(new Demo(username, id, phone));
    }
}
