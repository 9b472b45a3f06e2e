package dev.lockstep.auth.rest;

import dev.lockstep.auth.domain.Device;
import dev.lockstep.auth.domain.LoginSession;
import dev.lockstep.auth.rest.AccountRequests.DeviceView;
import dev.lockstep.auth.service.OwnerActions;
import dev.lockstep.auth.service.OwnerTokens;
import dev.lockstep.auth.service.SessionService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The account owner's own API, called with the access token of a login. */
@Path("/v1/me")
@Tag(name = "Account owner")
public class MeResource {

    private final OwnerTokens tokens;

    private final SessionService sessions;

    private final OwnerActions owner;

    public MeResource(OwnerTokens tokens, SessionService sessions, OwnerActions owner) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.owner = owner;
    }

    @GET
    @Path("/devices")
    @Operation(summary = "The devices the account signed in from, and which are trusted")
    public List<DeviceView> devices(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return Device.ofAccount(tokens.accountId(authorization)).stream().map(MeResource::view).toList();
    }

    @DELETE
    @Path("/devices/{id}")
    @Operation(summary = "Sign a device out (forget it): its next sign-in needs a second factor again; 423 while locked")
    public Response revoke(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        owner.revokeDevice(tokens.accountId(authorization), id);
        return Response.noContent().build();
    }

    @PUT
    @Path("/password")
    @Operation(summary = "Change the password, given the current one; 423 while the account is locked")
    public Response changePassword(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Valid @NotNull AccountRequests.ChangePassword request) {
        owner.changePassword(tokens.accountId(authorization), request.currentPassword(), request.newPassword());
        return Response.noContent().build();
    }

    @POST
    @Path("/factors/{factorId}/remove")
    @Operation(summary = "Remove a second factor (a phone, never the last; the app; the recovery key or codes), given "
            + "the password; 423 while the account is locked")
    public Response removeFactor(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("factorId") @Size(max = 64) String factorId,
            @Valid @NotNull AccountRequests.ConfirmWithPassword request) {
        owner.removeFactor(tokens.accountId(authorization), request.password(), factorId);
        return Response.noContent().build();
    }

    @GET
    @Path("/sessions")
    @Operation(summary = "The account's active sessions")
    public List<AccountRequests.SessionView> sessions(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return LoginSession.activeOf(tokens.accountId(authorization)).stream().map(AccountRequests.SessionView::of).toList();
    }

    @DELETE
    @Path("/sessions/{id}")
    @Operation(summary = "Revoke a session: its refresh token stops working at once")
    public Response revokeSession(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        sessions.revoke(tokens.accountId(authorization), id, "revoked-by-owner", null);
        return Response.noContent().build();
    }

    static DeviceView view(Device d) {
        return new DeviceView(d.id, d.deviceKey, d.trustedAt != null, d.firstSeen, d.lastSeen);
    }
}
