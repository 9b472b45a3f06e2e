package dev.lockstep.sim.rest;

import dev.lockstep.platform.security.AdminApi;
import dev.lockstep.sim.service.FaultRequest;
import dev.lockstep.sim.service.FaultService;
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

/** Fault rules, the seed and the reset: the simulator's controls, all behind the admin token. */
@Path("/v1")
@AdminApi
@Tag(name = "Faults")
public class FaultResource {

    private final FaultService faults;

    public FaultResource(FaultService faults) {
        this.faults = faults;
    }

    public record Seed(@NotNull Long seed) {
    }

    @POST
    @Path("/faults")
    @Operation(summary = "Add a fault rule at the end of the list")
    public Response add(@Valid @NotNull FaultRequest request) {
        FaultView view = FaultView.of(faults.add(request));
        return Response.created(URI.create("/v1/faults/" + view.id())).entity(view).build();
    }

    @GET
    @Path("/faults")
    @Operation(summary = "The fault rules in evaluation order, with hit counts")
    public List<FaultView> list() {
        return faults.list().stream().map(FaultView::of).toList();
    }

    /** {@code PUT /v1/faults/{id}/enabled}: switch a rule off or on. */
    public record Enabled(@NotNull Boolean enabled) {
    }

    @PUT
    @Path("/faults/{id}/enabled")
    @Operation(summary = "Switch a fault rule off or on again (its counts stay)")
    public FaultView setEnabled(@PathParam("id") String id,
            @Valid @NotNull Enabled request) {
        return FaultView.of(faults.setEnabled(id, request.enabled()));
    }

    @DELETE
    @Path("/faults/{id}")
    @Operation(summary = "Remove a fault rule")
    public Response delete(@PathParam("id") String id) {
        faults.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("/reset")
    @Operation(summary = "Remove every fault rule, message and phone (the clock and the seed stay)")
    public Response reset() {
        faults.reset();
        return Response.noContent().build();
    }

    @GET
    @Path("/seed")
    @Operation(summary = "The seed behind every random fault decision")
    public Seed seed() {
        return new Seed(faults.seed());
    }

    @PUT
    @Path("/seed")
    @Operation(summary = "Set the seed: the same seed, rules and messages give the same outcomes")
    public Seed setSeed(@Valid @NotNull Seed seed) {
        return new Seed(faults.setSeed(seed.seed()));
    }
}
