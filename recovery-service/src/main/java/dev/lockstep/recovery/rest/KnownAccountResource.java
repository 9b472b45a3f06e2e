package dev.lockstep.recovery.rest;

import dev.lockstep.platform.problem.ProblemException;
import dev.lockstep.platform.security.AdminApi;
import dev.lockstep.recovery.domain.KnownAccount;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operator view of the accounts recovery-service knows (its copy of auth-service's facts). */
@Path("/v1/admin/accounts")
@AdminApi
@Tag(name = "Admin: accounts known to recovery")
public class KnownAccountResource {

    public record KnownAccountView(String accountId, String username, Instant knownAt) {
    }

    @GET
    @Path("/{accountId}")
    @Operation(summary = "An account as recovery-service knows it")
    public KnownAccountView get(@PathParam("accountId") String accountId) {
        KnownAccount account = KnownAccount.findById(accountId);
        if (account == null) {
            throw ProblemException.notFound("account-not-found", "recovery-service does not know this account");
        }
        return new KnownAccountView(account.accountId, account.username, account.knownAt);
    }
}
