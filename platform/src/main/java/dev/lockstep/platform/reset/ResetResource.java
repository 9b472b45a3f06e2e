package dev.lockstep.platform.reset;

import dev.lockstep.platform.problem.ProblemException;
import dev.lockstep.platform.security.AdminApi;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /v1/admin/reset}: this service's data emptied (sms-gateway-sim resets all four at once). */
@Path("/v1/admin/reset")
@AdminApi
@Tag(name = "Admin: reset")
public class ResetResource {

    private final SandboxReset reset;

    private final SandboxEpoch epochs;

    public ResetResource(SandboxReset reset, SandboxEpoch epochs) {
        this.reset = reset;
        this.epochs = epochs;
    }

    /** The tables emptied, and the epoch the service is at now. */
    public record Emptied(List<String> tables, long epoch) {
    }

    @POST
    @Operation(summary = "Empty this service's data (accounts, factors, codes, messages, …); keys and secrets stay. "
            + "With an epoch (a sandbox-wide reset; sms-gateway-sim sends one to every service), events written "
            + "before it are ignored from now on; without one the service stays at its epoch")
    public Emptied reset(
            @QueryParam("epoch") @Parameter(description = "the new epoch, a whole number >= 0", schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0")) String epoch) {
        List<String> tables = reset.reset(parse(epoch));
        return new Emptied(tables, epochs.lastRead());
    }

    private static Long parse(String epoch) {
        if (epoch == null) {
            return null;
        }
        try {
            long value = Long.parseLong(epoch);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ProblemException(400, "invalid-epoch", "Invalid epoch", "epoch must be a whole number >= 0");
    }
}
