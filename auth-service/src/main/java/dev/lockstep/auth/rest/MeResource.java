package dev.lockstep.auth.rest;

import dev.lockstep.auth.domain.Device;
import dev.lockstep.auth.rest.AccountRequests.DeviceView;
import dev.lockstep.auth.service.DeviceService;
import dev.lockstep.auth.service.OwnerTokens;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

    @Inject
    OwnerTokens tokens;

    @Inject
    DeviceService devices;

    @GET
    @Path("/devices")
    @Operation(summary = "The devices the account signed in from, and which are trusted")
    public List<DeviceView> devices(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return Device.ofAccount(tokens.accountId(authorization)).stream().map(MeResource::view).toList();
    }

    @DELETE
    @Path("/devices/{id}")
    @Operation(summary = "Revoke a device: its next sign-in needs a second factor again")
    public Response revoke(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        devices.revoke(tokens.accountId(authorization), id, null, null);
        return Response.noContent().build();
    }

    static DeviceView view(Device d) {
        return new DeviceView(d.id, d.deviceKey, d.trustedAt != null, d.firstSeen, d.lastSeen);
    }
}
