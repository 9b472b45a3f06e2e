package dev.lockstep.otp.rest;

import dev.lockstep.otp.service.RecoveryKeyService;
import dev.lockstep.platform.security.AdminApi;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An account's recovery key, for an operator: turn it on (a new key, shown once), off, or see whether it is on. */
@Path("/v1/admin/accounts/{accountId}/recovery-key")
@AdminApi
@Tag(name = "Recovery key")
public class RecoveryKeyResource {

    private final RecoveryKeyService keys;

    public RecoveryKeyResource(RecoveryKeyService keys) {
        this.keys = keys;
    }

    public record Enabled(boolean enabled) {
    }

    @POST
    @Operation(summary = "Turn the recovery key on: a new key (e.g. RK-7QX3M9PL2HKD), shown once, replaces any old one")
    public Response create(@PathParam("accountId") String accountId) {
        return Response.created(UriBuilder.fromPath("/v1/admin/accounts/{accountId}/recovery-key").build(accountId))
                .entity(keys.create(accountId)).build();
    }

    @GET
    @Operation(summary = "Whether the account has a recovery key (never the key)")
    public Enabled get(@PathParam("accountId") String accountId) {
        return new Enabled(keys.enabled(accountId));
    }

    @DELETE
    @Operation(summary = "Turn the recovery key off")
    public Response remove(@PathParam("accountId") String accountId) {
        keys.remove(accountId);
        return Response.noContent().build();
    }
}
