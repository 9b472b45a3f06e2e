package dev.lockstep.otp.rest;

import dev.lockstep.contracts.http.CodeCheckRequest;
import dev.lockstep.contracts.http.CodeCheckResult;
import dev.lockstep.contracts.http.CodePolicyView;
import dev.lockstep.contracts.http.FactorView;
import dev.lockstep.contracts.http.RecoveryCalls;
import dev.lockstep.otp.service.AttemptChecks;
import dev.lockstep.otp.service.CodeIssuer;
import dev.lockstep.otp.service.CodePolicies;
import dev.lockstep.otp.service.FactorService;
import dev.lockstep.platform.phone.PhoneNumbers;
import dev.lockstep.platform.problem.ProblemException;
import dev.lockstep.platform.security.InternalApi;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Questions auth-service needs answered now; guarded by the internal token. */
@Path("/v1/internal")
@InternalApi
@Tag(name = "Internal (service to service)")
public class InternalResource {

    private final FactorService factors;

    private final CodeIssuer codes;

    private final AttemptChecks attemptChecks;

    private final CodePolicies policies;

    public InternalResource(FactorService factors, CodeIssuer codes, AttemptChecks attemptChecks, CodePolicies policies) {
        this.factors = factors;
        this.codes = codes;
        this.attemptChecks = attemptChecks;
        this.policies = policies;
    }

    @GET
    @Path("/accounts/{accountId}/factors")
    @Operation(summary = "The account's usable second factors, phones masked")
    public List<FactorView> factors(@PathParam("accountId") String accountId) {
        return factors.usable(accountId);
    }

    @DELETE
    @Path("/accounts/{accountId}/factors/{factorId}")
    @Operation(summary = "The owner removes a factor (auth-service checked the password and the lock); 409 for the last phone")
    public Response removeFactor(@PathParam("accountId") String accountId, @PathParam("factorId") String factorId) {
        factors.removeByOwner(accountId, factorId);
        return Response.noContent().build();
    }

    @POST
    @Path("/accounts/{accountId}/phones/match")
    @Operation(summary = "The trusted phone factor with this number, if the account has one (recovery starts with the number)")
    public RecoveryCalls.FactorMatch matchPhone(@PathParam("accountId") String accountId,
            @NotNull RecoveryCalls.PhoneMatch request) {
        String e164 = PhoneNumbers.toE164(request.phone());
        return new RecoveryCalls.FactorMatch(factors.phoneFactor(accountId, e164).orElse(null));
    }

    @POST
    @Path("/accounts/{accountId}/factors/{factorId}/codes")
    @Operation(summary = "Send a code to a trusted phone for a recovery case (its id is the challenge); checked like a login code")
    public Response sendCode(@PathParam("accountId") String accountId, @PathParam("factorId") String factorId,
            @NotNull RecoveryCalls.SendCode request) {
        if (request.challengeId() == null || request.challengeId().length() > 36) {
            throw ProblemException.badRequest("invalid-request", "challengeId is required", null);
        }
        codes.issueForRecovery(request.challengeId(), accountId, factorId, request.correlationId());
        return Response.accepted().build();
    }

    @PUT
    @Path("/accounts/{accountId}/trusted-phones")
    @Operation(summary = "The account's trusted phones become this one number (the end of a waiting-period recovery)")
    public Response replacePhones(@PathParam("accountId") String accountId, @NotNull RecoveryCalls.ReplacePhones request) {
        factors.replacePhones(accountId, PhoneNumbers.toE164(request.phone()), request.correlationId());
        return Response.noContent().build();
    }

    @POST
    @Path("/accounts/{accountId}/escalation")
    @Operation(summary = "Support escalation: the factors added since a time are removed (never the last phone)")
    public RecoveryCalls.Removed escalate(@PathParam("accountId") String accountId,
            @NotNull RecoveryCalls.Escalation request) {
        if (request.since() == null) {
            throw ProblemException.badRequest("invalid-request", "since is required", null);
        }
        return new RecoveryCalls.Removed(0, 0, factors.removeAddedSince(accountId, request.since(), request.correlationId()));
    }

    @GET
    @Path("/accounts/{accountId}/code-policies/{channel}")
    @Operation(summary = "The code policy in force for the account on a channel (auth-service enforces its sends)")
    public CodePolicyView policy(@PathParam("accountId") String accountId, @PathParam("channel") String channel) {
        if (!channel.matches("sms|voice|email")) {
            throw ProblemException.badRequest("invalid-request", "channel must be sms, voice or email", null);
        }
        return CodePolicies.view(channel, null, policies.effective(accountId, channel));
    }

    @POST
    @Path("/challenges/{challengeId}/check")
    @Operation(summary = "Check a code for a login challenge; wrong codes spend attempts")
    public CodeCheckResult check(@PathParam("challengeId") String challengeId, @NotNull CodeCheckRequest request) {
        if (request.accountId() == null || request.code() == null || !request.code().matches("[A-Za-z0-9 -]{4,40}")) {
            throw ProblemException.badRequest("invalid-request",
                    "accountId and a code (4 to 40 letters, digits, spaces or dashes) are required", null);
        }
        if (request.factorId() != null && request.factorId().length() > 36) {
            throw ProblemException.badRequest("invalid-request", "factorId is not a factor id", null);
        }
        if (request.attemptId() != null && !request.attemptId().matches("[A-Za-z0-9-]{1,64}")) {
            throw ProblemException.badRequest("invalid-request", "attemptId is 1 to 64 letters, digits or dashes", null);
        }
        return attemptChecks.check(challengeId, request.accountId(), request.code(), request.factorId(), request.attemptId());
    }
}
