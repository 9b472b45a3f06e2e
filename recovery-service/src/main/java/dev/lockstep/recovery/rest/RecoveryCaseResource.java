package dev.lockstep.recovery.rest;

import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.web.TrustedProxies;
import dev.lockstep.recovery.config.RecoveryConfig;
import dev.lockstep.recovery.domain.RecoveryCase;
import dev.lockstep.recovery.rest.RecoveryRequests.OwnerView;
import dev.lockstep.recovery.service.Cases;
import dev.lockstep.recovery.service.Completion;
import dev.lockstep.recovery.service.ContactVerification;
import dev.lockstep.recovery.service.WaitingPeriodRecovery;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The owner's recovery cases (no token: the owner cannot sign in): S1, the waiting period, and what
 * every case shares (its state, the contact code, cancelling, completing). A case id is the owner's
 * handle on a case; what it shows is what a real provider shows. The other routes: {@link QuickRecoveryResource}
 * (S0) and {@link RecoveryFormResource} (S4).
 */
@Path("/v1/recovery")
@Tag(name = "Recovery (owner)")
public class RecoveryCaseResource {

    private final Cases cases;

    private final WaitingPeriodRecovery waitingPeriod;

    private final ContactVerification contact;

    private final Completion completion;

    private final SandboxClock clock;

    private final TrustedProxies proxies;

    public RecoveryCaseResource(Cases cases, WaitingPeriodRecovery waitingPeriod, ContactVerification contact,
            Completion completion, SandboxClock clock, RecoveryConfig config) {
        this.cases = cases;
        this.waitingPeriod = waitingPeriod;
        this.contact = contact;
        this.completion = completion;
        this.clock = clock;
        this.proxies = TrustedProxies.of("lockstep.recovery.trusted-proxies", config.trustedProxies());
    }

    @POST
    @Path("/cases")
    @Operation(summary = "S1: start a waiting-period recovery with the account name, a trusted number and a recovery "
            + "number (it gets a 6-digit code); a wrong pair answers like an unknown account; past the bounds on new "
            + "numbers per account name and per caller address, 429 new-number-limit-reached with Retry-After")
    public Response startWaitingPeriod(@Valid @NotNull RecoveryRequests.StartWaitingPeriod request,
            @HeaderParam("X-Forwarded-For") String forwardedFor, @Context HttpServerRequest http) {
        RecoveryCase c = waitingPeriod.start(request.username(), request.trustedPhone(), request.recoveryPhone(),
                request.deviceId(), proxies.clientOf(forwardedFor, http));
        return OwnerViews.created(clock, c, null);
    }

    @GET
    @Path("/cases/{caseId}")
    @Operation(summary = "The case as the owner sees it: during a wait only \"REQUESTED\" and when more is available")
    public OwnerView get(@PathParam("caseId") String caseId) {
        return OwnerView.of(cases.caseOf(caseId), null, clock.instant());
    }

    @POST
    @Path("/cases/{caseId}/verify-contact")
    @Operation(summary = "The code sent to the recovery phone or contact email; the wait starts, or the form opens")
    public OwnerView verifyContact(@PathParam("caseId") String caseId, @Valid @NotNull RecoveryRequests.Code request) {
        return OwnerViews.view(clock, contact.verify(caseId, request.code()));
    }

    @POST
    @Path("/cases/{caseId}/resend")
    @Operation(summary = "\"Didn't get a code?\": send the pending code again (a case sends at most lockstep.recovery.max-sends codes)")
    public Response resend(@PathParam("caseId") String caseId) {
        return Response.accepted(OwnerViews.view(clock, contact.resend(caseId))).build();
    }

    @POST
    @Path("/cases/{caseId}/cancel")
    @Operation(summary = "The owner cancels a recovery with the cancellation code from the email")
    public OwnerView cancel(@PathParam("caseId") String caseId, @Valid @NotNull RecoveryRequests.Cancel request) {
        return OwnerViews.view(clock, waitingPeriod.cancel(caseId, request.code(), request.reason()));
    }

    @POST
    @Path("/cases/{caseId}/complete")
    @Operation(summary = "A ready case and a new password (and the recovery code, after a wait or a form) restore "
            + "access: unlocked, new password, every session revoked; after a wait the recovery number becomes the trusted phone")
    public OwnerView complete(@PathParam("caseId") String caseId, @Valid @NotNull RecoveryRequests.Complete request) {
        return OwnerViews.view(clock, completion.complete(caseId, request.code(), request.newPassword()));
    }
}
