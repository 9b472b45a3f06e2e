package dev.lockstep.auth.rest;

import dev.lockstep.auth.domain.Account;
import dev.lockstep.auth.domain.AccountStatus;
import dev.lockstep.auth.domain.Device;
import dev.lockstep.auth.domain.LoginAttempt;
import dev.lockstep.auth.domain.LoginFailure;
import dev.lockstep.auth.domain.LoginSession;
import dev.lockstep.auth.domain.MfaMode;
import dev.lockstep.auth.rest.AccountRequests.AccountView;
import dev.lockstep.auth.rest.AccountRequests.AuditView;
import dev.lockstep.auth.rest.AccountRequests.CreateAccount;
import dev.lockstep.auth.rest.AccountRequests.SetMfaMode;
import dev.lockstep.auth.service.AccountLocks;
import dev.lockstep.auth.service.AccountService;
import dev.lockstep.auth.service.DeviceService;
import dev.lockstep.auth.service.FailureCounter;
import dev.lockstep.auth.service.LockoutPolicies;
import dev.lockstep.auth.service.SessionService;
import dev.lockstep.platform.phone.PhoneNumbers;
import dev.lockstep.platform.security.AdminApi;
import dev.lockstep.platform.security.Operator;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operator API for accounts; every call needs the admin token, every change is audited. */
@Path("/v1/admin/accounts")
@AdminApi
@Tag(name = "Admin: accounts")
@SecurityRequirement(name = "admin")
public class AccountAdminResource {

    /** Names the operator in the audit trail ({@code X-Lockstep-Operator}; {@code admin} without it). */
    private final Operator operator;

    private final AccountService accounts;

    private final DeviceService devices;

    private final SessionService sessions;

    private final LockoutPolicies lockoutPolicies;

    private final AccountLocks accountLocks;

    private final FailureCounter failureCounter;

    public AccountAdminResource(Operator operator, AccountService accounts, DeviceService devices, SessionService sessions,
            LockoutPolicies lockoutPolicies, AccountLocks accountLocks, FailureCounter failureCounter) {
        this.operator = operator;
        this.accounts = accounts;
        this.devices = devices;
        this.sessions = sessions;
        this.lockoutPolicies = lockoutPolicies;
        this.accountLocks = accountLocks;
        this.failureCounter = failureCounter;
    }

    @POST
    @Operation(summary = "Create an account with a password and a trusted phone (its SMS factor)")
    public Response create(@Valid @NotNull CreateAccount request) {
        AccountService.NewAccount created = accounts.create(request.username(), request.password(), request.phone(),
                request.email(),
                operator.name());
        Account account = created.account();
        return Response.created(URI.create("/v1/admin/accounts/" + account.username))
                .entity(view(account, PhoneNumbers.mask(created.phone())))
                .build();
    }

    @GET
    @Path("/{username}")
    @Operation(summary = "Show an account")
    public AccountView get(@PathParam("username") String username) {
        Account account = accounts.get(username);
        return view(account, null);
    }

    @PUT
    @Path("/{username}/mfa")
    @Operation(summary = "Support action: second factor off (password-only login) or back on; audited, an event")
    public AccountView setMfaMode(@PathParam("username") String username, @Valid @NotNull SetMfaMode request) {
        Account account = accounts.setMfaMode(username, MfaMode.of(request.mode()), operator.name(), request.reason());
        return view(account, null);
    }

    @GET
    @Path("/{username}/devices")
    @Operation(summary = "The account's devices, and which are trusted")
    public List<AccountRequests.DeviceView> devices(@PathParam("username") String username) {
        return Device.ofAccount(accounts.get(username).id).stream().map(MeResource::view).toList();
    }

    @DELETE
    @Path("/{username}/devices/{id}")
    @Operation(summary = "Revoke a device of the account; audited, an event")
    public Response revokeDevice(@PathParam("username") String username, @PathParam("id") String id,
            @QueryParam("reason") @Size(max = 512) String reason) {
        devices.revoke(accounts.get(username).id, id, operator.name(), reason);
        return Response.noContent().build();
    }

    @GET
    @Path("/{username}/sessions")
    @Operation(summary = "The account's active sessions")
    public List<AccountRequests.SessionView> sessions(@PathParam("username") String username) {
        return LoginSession.activeOf(accounts.get(username).id).stream().map(AccountRequests.SessionView::of).toList();
    }

    @DELETE
    @Path("/{username}/sessions/{id}")
    @Operation(summary = "Revoke a session; its refresh token fails at once; audited, an event")
    public Response revokeSession(@PathParam("username") String username, @PathParam("id") String id,
            @QueryParam("reason") @Size(max = 512) String reason) {
        sessions.revoke(accounts.get(username).id, id, reason != null ? reason : "revoked-by-operator", operator.name());
        return Response.noContent().build();
    }

    @POST
    @Path("/{username}/sessions/revoke-all")
    @Operation(summary = "Support action: revoke every session of the account; audited, an event per session")
    public Map<String, Integer> revokeAll(@PathParam("username") String username,
            @Valid @NotNull AccountRequests.Reason request) {
        return Map.of("revoked", sessions.revokeAll(accounts.get(username).id, request.reason(), operator.name()));
    }

    @POST
    @Path("/{username}/totp/reset")
    @Operation(summary = "Support action: forget the account's authenticator app (otp-service removes it); audited, an event")
    public Response resetTotp(@PathParam("username") String username, @Valid @NotNull AccountRequests.Reason request) {
        accounts.resetTotp(username, operator.name(), request.reason());
        return Response.accepted().build();
    }

    @GET
    @Path("/{username}/lockout-policy")
    @Operation(summary = "The brute-force policy that counts this account's failures (its own or the sandbox's)")
    public AccountRequests.LockoutPolicyView lockoutPolicy(@PathParam("username") String username) {
        return AccountRequests.LockoutPolicyView.of(lockoutPolicies.policyView(accounts.get(username)));
    }

    @PUT
    @Path("/{username}/lockout-policy")
    @Operation(summary = "Give the account its own brute-force policy: a preset (off exempts it) and/or Keycloak's knobs; audited")
    public AccountRequests.LockoutPolicyView setLockoutPolicy(@PathParam("username") String username,
            @Valid @NotNull AccountRequests.LockoutPolicyChange change) {
        return AccountRequests.LockoutPolicyView.of(lockoutPolicies.setPolicy(accounts.get(username), change.toChange(),
                operator.name()));
    }

    @DELETE
    @Path("/{username}/lockout-policy")
    @Operation(summary = "Remove the account's own brute-force policy; the sandbox's applies again; audited")
    public Response clearLockoutPolicy(@PathParam("username") String username) {
        lockoutPolicies.clearPolicy(accounts.get(username), operator.name());
        return Response.noContent().build();
    }

    @POST
    @Path("/{username}/suspicious-activity")
    @Operation(summary = "Support saw suspicious activity: lock the account and invalidate its password; audited, events")
    public AccountView suspiciousActivity(@PathParam("username") String username,
            @Valid @NotNull AccountRequests.Reason request) {
        return view(accountLocks.suspiciousActivity(accounts.get(username), operator.name(), request.reason()), null);
    }

    @PUT
    @Path("/{username}/password")
    @Operation(summary = "Support sets a new password (the invalidated one stops mattering); audited")
    public AccountView resetPassword(@PathParam("username") String username,
            @Valid @NotNull AccountRequests.ResetPassword request) {
        return view(accounts.resetPassword(username, request.password(), operator.name(), request.reason()), null);
    }

    @POST
    @Path("/{username}/unlock")
    @Operation(summary = "End the account's lock (temporary or permanent) and clear its counters; audited, an event")
    public AccountView unlock(@PathParam("username") String username, @Valid @NotNull AccountRequests.Reason request) {
        return view(accountLocks.unlock(accounts.get(username), operator.name(), request.reason()), null);
    }

    private AccountView view(Account account, String maskedPhone) {
        Optional<AccountLocks.Lock> lock = accountLocks.lockOf(account);
        Optional<LoginFailure> counters = failureCounter.counters(account.id);
        return new AccountView(account.id, account.username,
                lock.map(l -> l.status().name()).orElse(account.passwordInvalidatedAt != null
                        ? AccountStatus.PASSWORD_RESET_REQUIRED.name()
                        : AccountStatus.ACTIVE.name()),
                account.mfaMode.wire(), maskedPhone, account.email, account.createdAt,
                lock.map(AccountLocks.Lock::reason).orElse(null), lock.map(AccountLocks.Lock::until).orElse(null),
                counters.map(c -> c.failures).orElse(0), counters.map(c -> c.mfaFailures).orElse(0),
                LoginAttempt.recent(account.id, 10).stream()
                        .map(AccountRequests.AttemptView::of).toList());
    }

    @POST
    @Path("/{username}/disable")
    @Operation(summary = "Disable the account: nothing signs in until it is enabled again; audited, an event")
    public AccountView disable(@PathParam("username") String username, @Valid @NotNull AccountRequests.Reason request) {
        return view(accountLocks.disable(accounts.get(username), operator.name(), request.reason()), null);
    }

    @POST
    @Path("/{username}/enable")
    @Operation(summary = "Enable a disabled account again; audited, an event")
    public AccountView enable(@PathParam("username") String username, @Valid @NotNull AccountRequests.Reason request) {
        return view(accountLocks.enable(accounts.get(username), operator.name(), request.reason()), null);
    }

    @GET
    @Path("/{username}/audit")
    @Operation(summary = "The operator actions on the account, oldest first")
    public List<AuditView> audit(@PathParam("username") String username) {
        return accounts.auditTrail(username).stream()
                .map(a -> new AuditView(a.at, a.operator, a.action, a.reason)).toList();
    }
}
