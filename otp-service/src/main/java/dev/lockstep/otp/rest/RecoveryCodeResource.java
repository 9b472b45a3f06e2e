package dev.lockstep.otp.rest;

import dev.lockstep.otp.service.RecoveryCodeService;
import dev.lockstep.platform.problem.ProblemException;
import dev.lockstep.platform.security.AdminApi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An account's recovery codes, for an operator: make a new set (shown once), see how many are left. */
@Path("/v1/admin/accounts/{accountId}/recovery-codes")
@AdminApi
@Tag(name = "Recovery codes")
public class RecoveryCodeResource {

    private final RecoveryCodeService recoveryCodes;

    public RecoveryCodeResource(RecoveryCodeService recoveryCodes) {
        this.recoveryCodes = recoveryCodes;
    }

    @POST
    @Operation(summary = "Make a new set of one-time recovery codes, shown once; the old set stops working")
    public Response generate(@PathParam("accountId") String accountId) {
        RecoveryCodeService.Generated generated = recoveryCodes.generate(accountId);
        return Response.created(UriBuilder.fromPath("/v1/admin/accounts/{accountId}/recovery-codes").build(accountId))
                .entity(generated).build();
    }

    @GET
    @Operation(summary = "How many recovery codes are left (never the codes)")
    public RecoveryCodeService.Status status(@PathParam("accountId") String accountId) {
        return recoveryCodes.status(accountId)
                .orElseThrow(() -> ProblemException.notFound("recovery-codes-not-found", "The account has no recovery codes"));
    }
}
