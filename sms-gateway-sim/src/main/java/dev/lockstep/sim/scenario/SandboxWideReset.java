package dev.lockstep.sim.scenario;

import dev.lockstep.platform.reset.SandboxReset;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The sandbox-wide reset a scenario starts from ({@code POST /v1/sandbox/reset}). */
@ApplicationScoped
public class SandboxWideReset {

    @Inject
    SandboxApi api;

    @Inject
    SandboxReset reset;

    /** Empties every service (the three others over their admin API, this one directly). */
    public void resetAll() {
        for (String service : List.of(api.auth(), api.otp(), api.recovery())) {
            api.call("POST", service + "/v1/admin/reset", null, 200, "reset of " + service);
        }
        reset.reset();
    }
}
