package dev.lockstep.auth.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lockstep.auth.domain.LoginChallenge;
import dev.lockstep.auth.rest.AccountRequests.CodeSent;
import dev.lockstep.auth.rest.AccountRequests.Login;
import dev.lockstep.auth.rest.AccountRequests.MfaRequired;
import dev.lockstep.auth.rest.AccountRequests.Send;
import dev.lockstep.auth.rest.AccountRequests.TokenResponse;
import dev.lockstep.auth.rest.AccountRequests.Verify;
import dev.lockstep.auth.service.LoginService;
import dev.lockstep.auth.service.RiskEngine;
import dev.lockstep.auth.service.SecondFactorStep;
import dev.lockstep.platform.problem.BodyValidation;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The public login API. A wrong password and an unknown user get the same 401 body; the right
 * password opens a challenge whose code travels by SMS.
 */
@Path("/v1/login")
@Tag(name = "Login")
public class LoginResource {

    private final LoginService logins;

    private final ClientAddress clientAddress;

    private final SecondFactorStep secondFactor;

    private final ObjectMapper json;

    private final BodyValidation validation;

    public LoginResource(LoginService logins, ClientAddress clientAddress, SecondFactorStep secondFactor, ObjectMapper json,
            BodyValidation validation) {
        this.logins = logins;
        this.clientAddress = clientAddress;
        this.secondFactor = secondFactor;
        this.json = json;
        this.validation = validation;
    }

    @POST
    @Operation(summary = "Check username and password; then MFA_REQUIRED with the factors (a code goes to the "
            + "first phone unless an app comes first), or SUCCESS with a token when support turned the second factor off")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(oneOf = { MfaRequired.class, TokenResponse.class })))
    public Object login(@Valid @NotNull Login request,
            @Parameter(description = "the client's address first, as a proxy sets it (heeded from a trusted proxy only, lockstep.auth.trusted-proxies); the simulated GeoIP table places it") @HeaderParam("X-Forwarded-For") String forwardedFor,
            @HeaderParam("User-Agent") String userAgent,
            @Context HttpServerRequest http) {
        LoginService.Result result = logins.login(request.username(), request.password(),
                new RiskEngine.Client(clientAddress.of(forwardedFor, http), userAgent, request.deviceId()));
        if (result.success() != null) {
            return TokenResponse.of(result.success().tokens());
        }
        LoginService.Challenge opened = result.challenge();
        return new MfaRequired("MFA_REQUIRED", opened.challenge().id, opened.factors(), opened.challenge().expiresAt);
    }

    @POST
    @Path("/{challengeId}/send")
    @Operation(summary = "Send a new code; the previous one stops working")
    @Consumes(MediaType.WILDCARD)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Send.class)))
    public Response send(@PathParam("challengeId") String challengeId, String body) throws JsonProcessingException {
        // The body is optional ({"factorId": ...}); a bare POST re-sends to the challenge's factor.
        Send request = validation.check(body == null || body.isBlank() ? null : json.readValue(body, Send.class));
        LoginChallenge challenge = secondFactor.resend(challengeId, request != null ? request.factorId() : null,
                request != null ? request.channel() : null);
        return Response.accepted(new CodeSent("CODE_SENT", challenge.id, challenge.factorId, challenge.sends)).build();
    }

    @POST
    @Path("/{challengeId}/verify")
    @Operation(summary = "Check the code; the right one returns a signed access token")
    public TokenResponse verify(@PathParam("challengeId") String challengeId, @Valid @NotNull Verify request) {
        LoginService.Success success = secondFactor.verify(challengeId, request.code(), request.factorId(),
                Boolean.TRUE.equals(request.trustDevice()));
        return TokenResponse.of(success.tokens());
    }
}
