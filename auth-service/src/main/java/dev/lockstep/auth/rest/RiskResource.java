package dev.lockstep.auth.rest;

import dev.lockstep.auth.service.RiskSettings;
import dev.lockstep.platform.security.AdminApi;
import dev.lockstep.platform.security.Operator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The sandbox's risk-based authentication: on or off, signal weights, level thresholds, the action
 * and owner alert per level, the windows, the compromised-password list and the simulated GeoIP table.
 */
@Path("/v1/admin/risk")
@AdminApi
@Tag(name = "Admin: risk")
public class RiskResource {

    private final Operator operator;

    private final RiskSettings risk;

    public RiskResource(Operator operator, RiskSettings risk) {
        this.operator = operator;
        this.risk = risk;
    }

    @GET
    @Operation(summary = "The risk settings in force (the compromised list only as a count)")
    public RiskSettingsBody get() {
        return RiskSettingsBody.of(risk.policy());
    }

    @PUT
    @Operation(summary = "Change risk settings; fields left out keep their value, compromisedPasswords replaces the "
            + "list (kept as SHA-256 only); audited")
    public RiskSettingsBody set(@NotNull RiskSettingsBody request) {
        return RiskSettingsBody.of(risk.set(request.toChange(), operator.name()));
    }
}
