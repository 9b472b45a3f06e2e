package dev.lockstep.sim.scenario;

import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.reset.SandboxEpoch;
import dev.lockstep.platform.reset.SandboxReset;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The sandbox-wide reset a scenario starts from ({@code POST /v1/sandbox/reset}). */
@ApplicationScoped
public class SandboxWideReset {

    private final SandboxApi api;

    private final SandboxReset reset;

    private final SandboxEpoch epochs;

    private final SandboxClock clock;

    private final DemoFixtures demo;

    public SandboxWideReset(SandboxApi api, SandboxReset reset, SandboxEpoch epochs, SandboxClock clock, DemoFixtures demo) {
        this.api = api;
        this.reset = reset;
        this.epochs = epochs;
        this.clock = clock;
        this.demo = demo;
    }

    /**
     * Empties every service (the three others over their admin API, this one directly) and moves all
     * four to a new epoch (the reset's wall-clock time in milliseconds, always past the last one):
     * an event written before, still on a topic, is ignored wherever it lands. With {@code keepDemo},
     * the demo fixtures are made again afterwards ({@link DemoFixtures}).
     */
    public void resetAll(boolean keepDemo) {
        long epoch = Math.max(clock.realInstant().toEpochMilli(), epochs.lastRead() + 1);
        for (String service : List.of(api.auth(), api.otp(), api.recovery())) {
            api.call("POST", service + "/v1/admin/reset?epoch=" + epoch, null, 200, "reset of " + service);
        }
        reset.reset(epoch);
        if (keepDemo) {
            demo.restore();
        }
    }
}
