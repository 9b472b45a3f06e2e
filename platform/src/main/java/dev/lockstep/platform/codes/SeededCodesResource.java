package dev.lockstep.platform.codes;

import dev.lockstep.platform.audit.AuditTrail;
import dev.lockstep.platform.security.AdminApi;
import dev.lockstep.platform.security.Operator;
import io.quarkus.resteasy.reactive.server.EndpointDisabled;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /v1/admin/code-seed}: seeded one-time codes, for replaying a scenario byte for byte; in the
 * services that send codes ({@code lockstep.codes.seedable=true} at build time).
 */
@Path("/v1/admin/code-seed")
@AdminApi
@Tag(name = "Admin: seeded codes")
@Produces(MediaType.APPLICATION_JSON)
@EndpointDisabled(name = "lockstep.codes.seedable", stringValue = "false", disableIfMissing = true)
public class SeededCodesResource {

    /** The seed, or null: codes come from the secure random source (the default). */
    public record Seed(Long seed) {
    }

    private final SeededCodes codes;

    private final AuditTrail audit;

    private final Operator operator;

    public SeededCodesResource(SeededCodes codes, AuditTrail audit, Operator operator) {
        this.codes = codes;
        this.audit = audit;
        this.operator = operator;
    }

    @GET
    @Operation(summary = "The seed the codes come from, or null (random codes, the default)")
    public Seed get() {
        return new Seed(codes.seed().orElse(null));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "For the sandbox only: codes from this seed (the same story, the same codes), or null for "
            + "random codes again; a sandbox reset goes back to random")
    public Seed put(Seed seed) {
        Seed wanted = seed != null ? seed : new Seed(null);
        codes.seed(wanted.seed());
        audit.record(operator.name(), "codes.seed", wanted.seed() != null ? "seeded" : "random", null);
        return wanted;
    }
}
