package dev.lockstep.otp.rest;

import dev.lockstep.contracts.http.CodePolicyView;
import dev.lockstep.otp.domain.CodePolicy;
import dev.lockstep.otp.domain.PolicySetting;
import dev.lockstep.otp.service.CodePolicies;
import dev.lockstep.platform.problem.ProblemException;
import dev.lockstep.platform.security.AdminApi;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Code policies per channel ({@code sms}, {@code voice}, {@code email}), for the whole sandbox or one
 * account: from a preset ({@code apple-2sv}, {@code apple-2fa}, {@code twilio-verify},
 * {@code nist-800-63b}) and/or field by field.
 */
@Path("/v1/admin")
@AdminApi
@Tag(name = "Code policies")
public class CodePolicyResource {

    private final CodePolicies policies;

    public CodePolicyResource(CodePolicies policies) {
        this.policies = policies;
    }

    /** {@code PUT} body; every field optional. */
    public record PolicyChange(@Size(max = 32) String preset, Integer digits, @Size(max = 32) String lifetime,
            Integer maxAttempts, Integer maxSends, @Size(max = 32) String resendCooldown, @Size(max = 16) String resendMode) {

        CodePolicies.Change change() {
            return new CodePolicies.Change(preset, digits, lifetime, maxAttempts, maxSends, resendCooldown, resendMode);
        }
    }

    @GET
    @Path("/code-policy-presets")
    @Operation(summary = "The named presets")
    public Map<String, CodePolicyView> presets() {
        Map<String, CodePolicyView> presets = new TreeMap<>();
        CodePolicy.PRESETS.forEach((name, policy) -> presets.put(name, CodePolicies.view(null, name, policy)));
        return presets;
    }

    @GET
    @Path("/code-policies/{channel}")
    @Operation(summary = "The sandbox's policy on a channel")
    public CodePolicyView sandbox(@PathParam("channel") String channel) {
        return policies.view(PolicySetting.SANDBOX, channel(channel));
    }

    @PUT
    @Path("/code-policies/{channel}")
    @Operation(summary = "Set the sandbox's policy on a channel, e.g. {\"preset\":\"apple-2sv\"}")
    public CodePolicyView setSandbox(@PathParam("channel") String channel, @Valid @NotNull PolicyChange change) {
        return policies.set(PolicySetting.SANDBOX, channel(channel), change.change());
    }

    @DELETE
    @Path("/code-policies/{channel}")
    @Operation(summary = "Back to the configured policy on a channel")
    public Response clearSandbox(@PathParam("channel") String channel) {
        policies.clear(PolicySetting.SANDBOX, channel(channel));
        return Response.noContent().build();
    }

    @GET
    @Path("/accounts/{accountId}/code-policies/{channel}")
    @Operation(summary = "The policy in force for an account on a channel")
    public CodePolicyView account(@PathParam("accountId") String accountId, @PathParam("channel") String channel) {
        return policies.view(accountId(accountId), channel(channel));
    }

    @PUT
    @Path("/accounts/{accountId}/code-policies/{channel}")
    @Operation(summary = "Set an account's own policy on a channel; it wins over the sandbox's")
    public CodePolicyView setAccount(@PathParam("accountId") String accountId, @PathParam("channel") String channel,
            @Valid @NotNull PolicyChange change) {
        return policies.set(accountId(accountId), channel(channel), change.change());
    }

    @DELETE
    @Path("/accounts/{accountId}/code-policies/{channel}")
    @Operation(summary = "Remove an account's own policy on a channel; the sandbox's applies again")
    public Response clearAccount(@PathParam("accountId") String accountId, @PathParam("channel") String channel) {
        policies.clear(accountId(accountId), channel(channel));
        return Response.noContent().build();
    }

    private static String channel(String channel) {
        if (!channel.matches("sms|voice|email")) {
            throw ProblemException.badRequest("invalid-request", "channel must be sms, voice or email", null);
        }
        return channel;
    }

    private static String accountId(String accountId) {
        if (accountId.length() > 36 || PolicySetting.SANDBOX.equals(accountId)) {
            throw ProblemException.notFound("account-not-found", "No such account");
        }
        return accountId;
    }
}
