package dev.lockstep.platform.retention;

import dev.lockstep.platform.audit.AuditTrail;
import dev.lockstep.platform.security.AdminApi;
import dev.lockstep.platform.security.Operator;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /v1/admin/retention}: what this service keeps and for how long, how many rows each table
 * holds, a change of how long, and a run now; audited.
 */
@Path("/v1/admin/retention")
@AdminApi
@Tag(name = "Admin: retention")
@Produces(MediaType.APPLICATION_JSON)
public class RetentionResource {

    /** The rows a run removed, by table. */
    public record Removed(Map<String, Integer> removed) {
    }

    private final Retention retention;

    private final AuditTrail audit;

    private final Operator operator;

    public RetentionResource(Retention retention, AuditTrail audit, Operator operator) {
        this.retention = retention;
        this.audit = audit;
        this.operator = operator;
    }

    @GET
    @Operation(summary = "The retention rules (table, dating column, how long rows are kept on the sandbox clock) "
            + "with each table's row count now")
    public List<Retention.Rule> rules() {
        return retention.describe();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Change how long tables keep their rows, e.g. {\"keep\": {\"login_attempt\": \"P7D\"}} "
            + "(ISO-8601, PT1M to P3650D, tables with a rule only); a sandbox reset goes back to the configuration")
    public List<Retention.Rule> change(Retention.Keeps change) {
        audit.record(operator.name(), "retention.changed", "retention", String.valueOf(retention.change(change)));
        return retention.describe();
    }

    @POST
    @Transactional
    @Operation(summary = "Apply the retention rules now, e.g. right after moving the sandbox clock (they also run on "
            + "their own every lockstep.retention.interval)")
    public Removed applyNow() {
        Map<String, Integer> removed = retention.apply();
        audit.record(operator.name(), "retention.applied", "retention",
                removed.values().stream().mapToInt(Integer::intValue).sum() + " rows removed");
        return new Removed(removed);
    }
}
