package dev.lockstep.auth.service;

import dev.lockstep.contracts.http.CodeCheckRequest;
import dev.lockstep.contracts.http.CodeCheckResult;
import dev.lockstep.contracts.http.CodePolicyView;
import dev.lockstep.contracts.http.FactorView;
import dev.lockstep.platform.security.InternalTokenHeader;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** otp-service's internal API, asked when an answer is needed now. */
@RegisterRestClient(configKey = "otp")
@Path("/v1/internal")
@RegisterClientHeaders(InternalTokenHeader.class)
public interface OtpClient {

    @GET
    @Path("/accounts/{accountId}/factors")
    List<FactorView> factors(@PathParam("accountId") String accountId);

    @GET
    @Path("/accounts/{accountId}/code-policies/{channel}")
    CodePolicyView policy(@PathParam("accountId") String accountId, @PathParam("channel") String channel);

    @DELETE
    @Path("/accounts/{accountId}/factors/{factorId}")
    void removeFactor(@PathParam("accountId") String accountId, @PathParam("factorId") String factorId);

    @POST
    @Path("/challenges/{challengeId}/check")
    CodeCheckResult check(@PathParam("challengeId") String challengeId, CodeCheckRequest request);
}
