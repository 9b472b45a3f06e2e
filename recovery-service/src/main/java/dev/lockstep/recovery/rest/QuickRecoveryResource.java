package dev.lockstep.recovery.rest;

import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.recovery.rest.RecoveryRequests.OwnerView;
import dev.lockstep.recovery.service.RecoveryKeyRecovery;
import dev.lockstep.recovery.service.TrustedPhoneRecovery;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** S0, for an owner who still has something: the recovery key, or a trusted phone and the current password. */
@Path("/v1/recovery")
@Tag(name = "Recovery (owner)")
public class QuickRecoveryResource {

    private final RecoveryKeyRecovery recoveryKey;

    private final TrustedPhoneRecovery trustedPhone;

    private final SandboxClock clock;

    public QuickRecoveryResource(RecoveryKeyRecovery recoveryKey, TrustedPhoneRecovery trustedPhone, SandboxClock clock) {
        this.recoveryKey = recoveryKey;
        this.trustedPhone = trustedPhone;
        this.clock = clock;
    }

    @POST
    @Path("/recovery-key")
    @Operation(summary = "S0: the recovery key and a new password restore access at once")
    public OwnerView recoveryKey(@Valid @NotNull RecoveryRequests.RecoveryKey request) {
        return OwnerViews.view(clock, recoveryKey.recover(request.username(), request.recoveryKey(), request.newPassword(),
                request.deviceId()));
    }

    @POST
    @Path("/trusted-phone")
    @Operation(summary = "S0's fallback: the account name and current password (an invalidated one too); the answer "
            + "lists the trusted numbers, masked")
    public Response trustedPhone(@Valid @NotNull RecoveryRequests.TrustedPhone request) {
        TrustedPhoneRecovery.Started started = trustedPhone.start(request.username(), request.password(),
                request.deviceId());
        return OwnerViews.created(clock, started.recoveryCase(), started.phones());
    }

    @POST
    @Path("/cases/{caseId}/send-code")
    @Operation(summary = "Send a code to the chosen trusted number (by its id from the list)")
    public Response sendCode(@PathParam("caseId") String caseId, @Valid @NotNull RecoveryRequests.SendCode request) {
        return Response.accepted(OwnerViews.view(clock, trustedPhone.sendCode(caseId, request.factorId()))).build();
    }

    @POST
    @Path("/cases/{caseId}/verify-code")
    @Operation(summary = "The code from the trusted phone; right: a new password may be set within lockstep.recovery.verified-window")
    public OwnerView verifyCode(@PathParam("caseId") String caseId, @Valid @NotNull RecoveryRequests.Code request) {
        return OwnerViews.view(clock, trustedPhone.verify(caseId, request.code()));
    }
}
