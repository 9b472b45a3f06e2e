package dev.lockstep.recovery.rest;

import dev.lockstep.platform.audit.AuditTrail;
import dev.lockstep.platform.problem.ProblemException;
import dev.lockstep.platform.security.AdminApi;
import dev.lockstep.platform.security.Operator;
import dev.lockstep.recovery.domain.CaseHistory;
import dev.lockstep.recovery.domain.CaseStatus;
import dev.lockstep.recovery.domain.FormSubmission;
import dev.lockstep.recovery.domain.RecoveryCase;
import dev.lockstep.recovery.domain.RecoveryPath;
import dev.lockstep.recovery.rest.RecoveryRequests.AdminView;
import dev.lockstep.recovery.service.CaseLog;
import dev.lockstep.recovery.service.Cases;
import dev.lockstep.recovery.service.OperatorActions;
import dev.lockstep.recovery.service.RecoverySettings;
import io.quarkus.panache.common.Page;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Operator API for recovery: cases with their history, cancellation, escalation, settings and the audit
 * trail; audited. What the provider knows of an owner, to score forms against: {@link OwnerFactsResource}.
 */
@Path("/v1/admin/recovery")
@AdminApi
@Tag(name = "Admin: recovery")
@SecurityRequirement(name = "admin")
public class RecoveryAdminResource {

    /** Names the operator in the audit trail ({@code X-Lockstep-Operator}; {@code admin} without it). */
    private final Operator operator;

    private final Cases cases;

    private final OperatorActions operatorActions;

    private final RecoverySettings settings;

    private final CaseLog log;

    private final AuditTrail auditTrail;

    public RecoveryAdminResource(Operator operator, Cases cases, OperatorActions operatorActions, RecoverySettings settings,
            CaseLog log, AuditTrail auditTrail) {
        this.operator = operator;
        this.cases = cases;
        this.operatorActions = operatorActions;
        this.settings = settings;
        this.log = log;
        this.auditTrail = auditTrail;
    }

    @GET
    @Path("/cases")
    @Operation(summary = "Cases, newest first (at most 200), by username, status or path")
    public List<RecoveryRequests.CaseSummary> list(@QueryParam("username") @Size(max = 64) String username,
            @QueryParam("status") @Size(max = 24) String status, @QueryParam("path") @Size(max = 16) String path) {
        StringBuilder query = new StringBuilder("1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (username != null) {
            parameters.add(username.trim().toLowerCase(Locale.ROOT));
            query.append(" and username = ?").append(parameters.size());
        }
        if (status != null) {
            parameters.add(parse(CaseStatus.class, status.toUpperCase(Locale.ROOT), "status"));
            query.append(" and status = ?").append(parameters.size());
        }
        if (path != null) {
            parameters.add(parse(RecoveryPath.class, path.toUpperCase(Locale.ROOT).replace('-', '_'), "path"));
            query.append(" and path = ?").append(parameters.size());
        }
        return RecoveryCase.<RecoveryCase> find(query + " order by createdAt desc, id", parameters.toArray())
                .page(Page.ofSize(200)).list().stream().map(RecoveryRequests.CaseSummary::of).toList();
    }

    @GET
    @Path("/cases/{caseId}")
    @Operation(summary = "A case with its whole history and form submissions (never a code)")
    public AdminView get(@PathParam("caseId") String caseId) {
        RecoveryCase c = cases.caseOf(caseId);
        return new AdminView(c.id, c.accountId, c.username, c.path.slug, c.status.name(), c.reason, c.deviceId,
                c.recoveryPhone, c.contactEmail, c.createdAt, c.statusAvailableAt, c.dueAt, c.closedAt, c.since,
                c.openedBy, c.correlationId, CaseHistory.of(c.id).stream().map(RecoveryRequests.HistoryView::of).toList(),
                FormSubmission.<FormSubmission> list("caseId = ?1 order by submittedAt", c.id).stream()
                        .map(RecoveryRequests.SubmissionView::of).toList());
    }

    @POST
    @Path("/cases/{caseId}/cancel")
    @Operation(summary = "Cancel an open case, with a reason; audited, the owner told")
    public RecoveryRequests.CaseSummary cancel(@PathParam("caseId") String caseId,
            @Valid @NotNull RecoveryRequests.OperatorCancel request) {
        return RecoveryRequests.CaseSummary.of(operatorActions.cancel(caseId, operator.name(), request.reason()));
    }

    @POST
    @Path("/escalations")
    @Operation(summary = "S2: after an identity check, escalate: after the delay (default 1 day) the sessions, devices "
            + "and second factors added since the given time are removed; audited")
    public Response escalate(@Valid @NotNull RecoveryRequests.Escalate request) {
        RecoveryCase c = operatorActions.escalate(request.username(), request.since(), request.identityCheck(), operator.name(),
                request.reason());
        return Response.created(URI.create("/v1/admin/recovery/cases/" + c.id))
                .entity(RecoveryRequests.CaseSummary.of(c)).build();
    }

    @GET
    @Path("/settings")
    @Operation(summary = "Waiting period, when the status shows, what cancels a wait, code lifetimes, form scoring")
    public RecoverySettings.Settings settings() {
        return settings.current();
    }

    @PUT
    @Path("/settings")
    @Transactional
    @Operation(summary = "Change any of the settings (the rest stay); checked whole, audited")
    public RecoverySettings.Settings change(@NotNull RecoverySettings.Settings change) {
        RecoverySettings.Settings changed = settings.change(change);
        log.audit(operator.name(), "recovery.settings", "sandbox", changed.toString());
        return changed;
    }

    @GET
    @Path("/audit")
    @Operation(summary = "Operator actions in recovery-service, oldest first")
    public List<RecoveryRequests.AuditView> audit() {
        return auditTrail.all().stream()
                .map(a -> new RecoveryRequests.AuditView(a.at, a.operator, a.action, a.target, a.reason)).toList();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-request", "No such " + field + ": " + value, null)
                    .with("field", field);
        }
    }
}
