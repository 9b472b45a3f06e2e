package dev.lockstep.auth.rest.oidc;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lockstep.auth.domain.OidcClient;
import dev.lockstep.auth.service.oidc.ClientRegistry;
import dev.lockstep.platform.problem.ProblemException;
import dev.lockstep.platform.security.AdminApi;
import dev.lockstep.platform.security.Operator;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operators register the applications that sign users in (OAuth clients); audited. */
@Path("/v1/admin/clients")
@AdminApi
@Tag(name = "OpenID Connect clients")
public class ClientAdminResource {

    private final Operator operator;

    private final ClientRegistry registry;

    public ClientAdminResource(Operator operator, ClientRegistry registry) {
        this.operator = operator;
        this.registry = registry;
    }

    /** A registration: {@code public: true} for a browser or native app (no secret, PKCE required). */
    public record Register(
            @Size(max = 64) String clientId,
            @Size(max = 128) String name,
            @JsonProperty("public") Boolean publicClient,
            @Size(max = 20) List<String> redirectUris,
            @Size(max = 20) List<String> postLogoutRedirectUris,
            @Size(max = 1000) String backchannelLogoutUri,
            @Size(max = 3) List<String> grantTypes,
            @Size(max = 64) String defaultAcr) {
    }

    /** A client as operators see it; {@code clientSecret} only in the answer to its registration. */
    public record ClientView(String clientId, String name,
            @JsonProperty("public") boolean publicClient,
            String clientSecret, List<String> redirectUris, List<String> postLogoutRedirectUris, String backchannelLogoutUri,
            List<String> grantTypes, String defaultAcr, Instant createdAt) {

        static ClientView of(OidcClient c, String secret) {
            return new ClientView(c.clientId, c.name, !c.confidential(), secret, c.redirectUriList(),
                    c.postLogoutRedirectUriList(), c.backchannelLogoutUri, c.grantTypeList(), c.defaultAcr, c.createdAt);
        }
    }

    @POST
    @Operation(summary = "Register a client (201); a confidential one's secret is in this answer only (stored hashed). "
            + "The same id with the same settings again answers the client as it is (200), with a new secret only "
            + "with rotateSecret=true; other settings for an existing id are a 409 that changes nothing")
    public Response register(@Valid @NotNull Register request,
            @Parameter(description = "true: an existing confidential client gets a new secret, answered here") @QueryParam("rotateSecret") @DefaultValue("false") String rotateSecret) {
        boolean rotate = switch (rotateSecret) {
            case "true" -> true;
            case "false" -> false;
            default ->
                throw ProblemException.badRequest("invalid-query", "Invalid rotateSecret", "rotateSecret is true or false");
        };
        ClientRegistry.Registered registered = registry.register(new ClientRegistry.Registration(request.clientId(),
                request.name(), Boolean.TRUE.equals(request.publicClient()), request.redirectUris(),
                request.postLogoutRedirectUris(), request.backchannelLogoutUri(), request.grantTypes(), request.defaultAcr()),
                rotate, operator.name());
        return Response.status(registered.created() ? 201 : 200)
                .entity(ClientView.of(registered.client(), registered.secret())).build();
    }

    @GET
    @Operation(summary = "Every registered client (no secrets)")
    public List<ClientView> list() {
        return registry.list().stream().map(c -> ClientView.of(c, null)).toList();
    }

    @GET
    @Path("/{clientId}")
    @Operation(summary = "One client (no secret)")
    public ClientView get(@PathParam("clientId") String clientId) {
        return registry.find(clientId).map(c -> ClientView.of(c, null))
                .orElseThrow(() -> ProblemException.notFound("client-not-found", "No such client"));
    }

    @DELETE
    @Path("/{clientId}")
    @Operation(summary = "Remove a client; its tokens stop being refreshable")
    public Response delete(@PathParam("clientId") String clientId) {
        registry.delete(clientId, operator.name());
        return Response.noContent().build();
    }
}
