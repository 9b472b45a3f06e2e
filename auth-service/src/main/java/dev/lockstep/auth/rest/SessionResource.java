package dev.lockstep.auth.rest;

import dev.lockstep.auth.rest.AccountRequests.Refresh;
import dev.lockstep.auth.rest.AccountRequests.TokenResponse;
import dev.lockstep.auth.service.OwnerTokens;
import dev.lockstep.auth.service.SessionService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Keeping a session alive (refresh-token rotation) and ending it (logout). */
@Path("/v1")
@Tag(name = "Sessions")
public class SessionResource {

    private final SessionService sessions;

    private final OwnerTokens tokens;

    public SessionResource(SessionService sessions, OwnerTokens tokens) {
        this.sessions = sessions;
        this.tokens = tokens;
    }

    @POST
    @Path("/token/refresh")
    @Operation(summary = "Swap a refresh token for new tokens; the old refresh token is used up, and using it again "
            + "revokes the session")
    public TokenResponse refresh(@Valid @NotNull Refresh request) {
        return TokenResponse.of(sessions.refresh(request.refreshToken()));
    }

    @POST
    @Path("/logout")
    @Operation(summary = "End the session of this access token: its refresh token stops working at once")
    public Response logout(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        OwnerTokens.Caller caller = tokens.caller(authorization);
        sessions.revoke(caller.accountId(), caller.sessionId(), "logout", null);
        return Response.noContent().build();
    }
}
