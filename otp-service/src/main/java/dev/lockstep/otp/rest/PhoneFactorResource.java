package dev.lockstep.otp.rest;

import dev.lockstep.contracts.http.FactorView;
import dev.lockstep.otp.service.FactorService;
import dev.lockstep.platform.phone.PhoneNumbers;
import dev.lockstep.platform.security.AdminApi;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An account's trusted phones, for an operator: list (masked), add, remove. */
@Path("/v1/admin/accounts/{accountId}/phones")
@AdminApi
@Tag(name = "Trusted phones")
public class PhoneFactorResource {

    private final FactorService factors;

    public PhoneFactorResource(FactorService factors) {
        this.factors = factors;
    }

    public record AddPhone(@NotBlank @Size(max = 32) String phone) {
    }

    @GET
    @Operation(summary = "The account's usable second factors, phones masked (\"number ending in 78\")")
    public List<FactorView> list(@PathParam("accountId") String accountId) {
        return factors.usable(accountId);
    }

    @POST
    @Operation(summary = "Add a trusted phone; the login then lists it beside the others")
    public Response add(@PathParam("accountId") String accountId, @Valid @NotNull AddPhone request) {
        FactorView added = factors.addPhone(accountId, PhoneNumbers.toE164(request.phone()));
        return Response
                .created(UriBuilder.fromPath("/v1/admin/accounts/{accountId}/phones/{factorId}").build(accountId, added.id()))
                .entity(added).build();
    }

    @DELETE
    @Path("/{factorId}")
    @Operation(summary = "Remove a trusted phone (not the last one)")
    public Response remove(@PathParam("accountId") String accountId, @PathParam("factorId") String factorId) {
        factors.removePhone(accountId, factorId);
        return Response.noContent().build();
    }
}
