package dev.lockstep.platform.reset;

import dev.lockstep.platform.security.AdminApi;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /v1/admin/reset}: this service's data emptied (sms-gateway-sim resets all four at once). */
@Path("/v1/admin/reset")
@AdminApi
@Tag(name = "Admin: reset")
public class ResetResource {

    @Inject
    SandboxReset reset;

    /** The tables emptied. */
    public record Emptied(List<String> tables) {
    }

    @POST
    @Operation(summary = "Empty this service's data (accounts, factors, codes, messages, …); keys and secrets stay")
    public Emptied reset() {
        return new Emptied(reset.reset());
    }
}
