package dev.lockstep.auth.rest;

import dev.lockstep.auth.service.AccountRecovery;
import dev.lockstep.contracts.http.RecoveryCalls;
import dev.lockstep.platform.problem.ProblemException;
import dev.lockstep.platform.security.InternalApi;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What recovery-service asks auth-service; guarded by the internal token. */
@Path("/v1/internal/accounts")
@InternalApi
@Tag(name = "Internal (service to service)")
public class InternalAccountResource {

    private final AccountRecovery recovery;

    public InternalAccountResource(AccountRecovery recovery) {
        this.recovery = recovery;
    }

    @GET
    @Path("/by-username/{username}")
    @Operation(summary = "The account's id, email and status")
    public RecoveryCalls.AccountFacts facts(@PathParam("username") String username) {
        return recovery.facts(username);
    }

    @POST
    @Path("/credentials/check")
    @Operation(summary = "The account if the password is its current one (an invalidated one too); a wrong one counts "
            + "as a failed login; an unknown name costs the same hash")
    public RecoveryCalls.CredentialResult checkCredentials(@NotNull RecoveryCalls.CredentialCheck request) {
        if (request.username() == null || request.username().isBlank() || request.username().length() > 128) {
            throw ProblemException.badRequest("invalid-request", "A username of 1 to 128 characters is required", null);
        }
        requirePassword(request.password());
        return recovery.credentials(request.username(), request.password());
    }

    @POST
    @Path("/{accountId}/password-history/check")
    @Operation(summary = "How many of the claimed passwords the account has had (its latest ten)")
    public RecoveryCalls.Matches checkHistory(@PathParam("accountId") String accountId,
            @NotNull RecoveryCalls.HistoryCheck request) {
        if (request.passwords() == null || request.passwords().size() > AccountRecovery.MAX_CLAIMED) {
            throw ProblemException.badRequest("invalid-request",
                    "passwords: a list of at most " + AccountRecovery.MAX_CLAIMED + " passwords", null);
        }
        request.passwords().forEach(InternalAccountResource::requirePassword);
        return new RecoveryCalls.Matches(recovery.historyMatches(accountId, request.passwords()));
    }

    @POST
    @Path("/{accountId}/restore")
    @Operation(summary = "A recovery case ends well: new password, lock ended (cause recovery), every session revoked, owner told; once per case")
    public Response restore(@PathParam("accountId") String accountId, @NotNull RecoveryCalls.Restore request) {
        if (request.caseId() == null || request.caseId().isBlank() || request.caseId().length() > 64) {
            throw ProblemException.badRequest("invalid-request", "caseId is required", null);
        }
        requirePassword(request.password());
        if (request.password().length() < 8) {
            throw ProblemException.badRequest("weak-password", "The new password needs at least 8 characters", null);
        }
        recovery.restore(accountId, request);
        return Response.noContent().build();
    }

    @POST
    @Path("/{accountId}/escalation")
    @Operation(summary = "Support escalation: the sessions and devices that appeared since a time are removed; audited")
    public RecoveryCalls.Removed escalate(@PathParam("accountId") String accountId,
            @NotNull RecoveryCalls.Escalation request) {
        if (request.since() == null || request.caseId() == null) {
            throw ProblemException.badRequest("invalid-request", "caseId and since are required", null);
        }
        return recovery.escalate(accountId, request);
    }

    private static void requirePassword(String password) {
        if (password == null || password.isEmpty() || password.length() > 128) {
            throw ProblemException.badRequest("invalid-request", "A password of 1 to 128 characters is required", null);
        }
    }
}
