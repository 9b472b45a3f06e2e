package dev.lockstep.auth.rest;

import dev.lockstep.auth.rest.AccountRequests.AuditView;
import dev.lockstep.platform.audit.AuditEntry;
import dev.lockstep.platform.security.AdminApi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The sandbox-wide operator actions (lockout and risk settings, resets); an account's own are under its path. */
@Path("/v1/admin/audit")
@AdminApi
@Tag(name = "Admin: audit")
public class AuditResource {

    @GET
    @Operation(summary = "Operator actions on the sandbox as a whole (settings, resets), oldest first, the last 500")
    public List<AuditView> sandbox() {
        List<AuditEntry> entries = new ArrayList<>(AuditEntry.<AuditEntry> find("target = ?1 order by at desc, id desc",
                "sandbox").page(0, 500).list());
        Collections.reverse(entries);
        return entries.stream().map(a -> new AuditView(a.at, a.operator, a.action, a.reason)).toList();
    }
}
