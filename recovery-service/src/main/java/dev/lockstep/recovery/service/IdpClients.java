package dev.lockstep.recovery.service;

import dev.lockstep.contracts.http.CodeCheckRequest;
import dev.lockstep.contracts.http.CodeCheckResult;
import dev.lockstep.contracts.http.FactorView;
import dev.lockstep.contracts.http.RecoveryCalls;
import dev.lockstep.platform.security.InternalTokenHeader;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The internal APIs of auth-service and otp-service, as recovery-service calls them. */
public final class IdpClients {

    private IdpClients() {
    }

    @RegisterRestClient(configKey = "auth")
    @Path("/v1/internal/accounts")
    @RegisterClientHeaders(InternalTokenHeader.class)
    public interface Auth {

        @GET
        @Path("/by-username/{username}")
        RecoveryCalls.AccountFacts facts(@PathParam("username") String username);

        @POST
        @Path("/credentials/check")
        RecoveryCalls.CredentialResult checkCredentials(RecoveryCalls.CredentialCheck request);

        @POST
        @Path("/{accountId}/password-history/check")
        RecoveryCalls.Matches checkHistory(@PathParam("accountId") String accountId, RecoveryCalls.HistoryCheck request);

        @POST
        @Path("/{accountId}/restore")
        void restore(@PathParam("accountId") String accountId, RecoveryCalls.Restore request);

        @POST
        @Path("/{accountId}/escalation")
        RecoveryCalls.Removed escalate(@PathParam("accountId") String accountId, RecoveryCalls.Escalation request);
    }

    @RegisterRestClient(configKey = "otp")
    @Path("/v1/internal")
    @RegisterClientHeaders(InternalTokenHeader.class)
    public interface Otp {

        @GET
        @Path("/accounts/{accountId}/factors")
        List<FactorView> factors(@PathParam("accountId") String accountId);

        @POST
        @Path("/accounts/{accountId}/phones/match")
        RecoveryCalls.FactorMatch matchPhone(@PathParam("accountId") String accountId, RecoveryCalls.PhoneMatch request);

        @POST
        @Path("/accounts/{accountId}/factors/{factorId}/codes")
        void sendCode(@PathParam("accountId") String accountId, @PathParam("factorId") String factorId,
                RecoveryCalls.SendCode request);

        @POST
        @Path("/challenges/{challengeId}/check")
        CodeCheckResult check(@PathParam("challengeId") String challengeId, CodeCheckRequest request);

        @PUT
        @Path("/accounts/{accountId}/trusted-phones")
        void replacePhones(@PathParam("accountId") String accountId, RecoveryCalls.ReplacePhones request);

        @POST
        @Path("/accounts/{accountId}/escalation")
        RecoveryCalls.Removed escalate(@PathParam("accountId") String accountId, RecoveryCalls.Escalation request);
    }
}
