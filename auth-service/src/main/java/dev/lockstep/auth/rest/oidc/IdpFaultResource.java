package dev.lockstep.auth.rest.oidc;

import dev.lockstep.auth.service.faults.IdpFaultRequest;
import dev.lockstep.auth.service.faults.IdpFaultRules;
import dev.lockstep.platform.security.AdminApi;
import dev.lockstep.platform.security.Operator;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Break the identity provider on purpose: fault rules on Lockstep's own OpenID Connect endpoints; audited. */
@Path("/v1/admin/idp-faults")
@AdminApi
@Tag(name = "Identity-provider faults")
public class IdpFaultResource {

    private final Operator operator;

    private final IdpFaultRules rules;

    public IdpFaultResource(Operator operator, IdpFaultRules rules) {
        this.operator = operator;
        this.rules = rules;
    }

    /** {@code PUT /v1/admin/idp-faults/{id}/enabled}: switch a rule off or on. */
    public record Enabled(@NotNull Boolean enabled) {
    }

    @POST
    @Operation(summary = "Add a fault rule at the end of the list")
    public Response add(@Valid @NotNull IdpFaultRequest request) {
        IdpFaultView view = IdpFaultView.of(rules.add(request, operator.name()));
        return Response.created(URI.create("/v1/admin/idp-faults/" + view.id())).entity(view).build();
    }

    @GET
    @Operation(summary = "The fault rules in evaluation order, with their matched and hit counts")
    public List<IdpFaultView> list() {
        return rules.list().stream().map(IdpFaultView::of).toList();
    }

    @PUT
    @Path("/{id}/enabled")
    @Operation(summary = "Switch a fault rule off or on again (its counts stay)")
    public IdpFaultView setEnabled(@PathParam("id") String id, @Valid @NotNull Enabled request) {
        return IdpFaultView.of(rules.setEnabled(id, request.enabled(), operator.name()));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Remove a fault rule")
    public Response delete(@PathParam("id") String id) {
        rules.delete(id, operator.name());
        return Response.noContent().build();
    }

}
