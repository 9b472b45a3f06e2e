package dev.lockstep.platform.clock;

import dev.lockstep.platform.problem.ProblemException;
import dev.lockstep.platform.security.AdminApi;
import jakarta.enterprise.inject.Instance;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The sandbox clock as this service sees it; the owner (sms-gateway-sim) also changes it here. */
@Path("/v1/clock")
@Tag(name = "Sandbox clock")
public class ClockResource {

    private final SandboxClock clock;

    private final Instance<ClockControl> control;

    public ClockResource(SandboxClock clock, Instance<ClockControl> control) {
        this.clock = clock;
        this.control = control;
    }

    @GET
    @Operation(summary = "Current virtual time of the sandbox, as this service applies it")
    public ClockView get() {
        return ClockView.of(clock);
    }

    @POST
    @AdminApi
    @Operation(summary = "Advance, set, freeze or unfreeze the sandbox clock (sms-gateway-sim only)")
    public ClockView change(@NotNull ClockRequest request) {
        if (!control.isResolvable()) {
            throw new ProblemException(405, "clock-owned-elsewhere", "The clock is changed on sms-gateway-sim",
                    "POST /v1/clock on sms-gateway-sim changes the sandbox clock; every service follows it.");
        }
        int given = (request.advance() != null ? 1 : 0) + (request.set() != null ? 1 : 0)
                + (request.freeze() != null ? 1 : 0);
        if (given != 1) {
            throw ProblemException.badRequest("invalid-clock-change", "Give exactly one of advance, set, freeze",
                    "Examples: {\"advance\":\"P3D\"}, {\"set\":\"2030-01-01T00:00:00Z\"}, {\"freeze\":true}.");
        }
        control.get().change(request);
        return ClockView.of(clock);
    }
}
