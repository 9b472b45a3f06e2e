package dev.lockstep.auth.rest;

import dev.lockstep.auth.rest.AccountRequests.LockoutSettings;
import dev.lockstep.auth.service.LockoutPolicies;
import dev.lockstep.platform.security.AdminApi;
import dev.lockstep.platform.security.Operator;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The sandbox's brute-force protection: a preset (or off), counters apart or not, locks shown or hidden. */
@Path("/v1/admin/lockout")
@AdminApi
@Tag(name = "Admin: lockout")
public class LockoutResource {

    private final Operator operator;

    private final LockoutPolicies lockoutPolicies;

    public LockoutResource(Operator operator, LockoutPolicies lockoutPolicies) {
        this.operator = operator;
        this.lockoutPolicies = lockoutPolicies;
    }

    @GET
    @Operation(summary = "The lockout settings in force, with the sandbox's policy knob by knob")
    public AccountRequests.LockoutView get() {
        return view(lockoutPolicies.settings());
    }

    @PUT
    @Operation(summary = "Set the lockout preset (off, keycloak-default, cognito, nist-800-63b, demo), optionally with "
            + "Keycloak's knobs on top (mode, failureFactor, waitIncrement, maxWait, maxDeltaTime, quickLoginCheck, "
            + "minimumQuickLoginWait, maxTemporaryLockouts, strategy); audited")
    public AccountRequests.LockoutView set(@Valid @NotNull LockoutSettings request) {
        return view(lockoutPolicies.set(
                new LockoutPolicies.Settings(request.preset(), Boolean.TRUE.equals(request.separateCounters()),
                        Boolean.TRUE.equals(request.revealLockState())),
                new LockoutPolicies.PolicyChange(null, request.mode(),
                        request.failureFactor(), request.waitIncrement(), request.maxWait(), request.maxDeltaTime(),
                        request.quickLoginCheck(), request.minimumQuickLoginWait(), request.maxTemporaryLockouts(),
                        request.strategy()),
                operator.name()));
    }

    private AccountRequests.LockoutView view(LockoutPolicies.Settings settings) {
        return new AccountRequests.LockoutView(settings.preset(), settings.separateCounters(), settings.revealLockState(),
                AccountRequests.LockoutPolicyView.of(lockoutPolicies.sandboxPolicy()));
    }
}
