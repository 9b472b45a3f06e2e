package dev.lockstep.auth.rest.oidc;

import dev.lockstep.auth.rest.ClientAddress;
import dev.lockstep.auth.service.RiskEngine;
import dev.lockstep.auth.service.Secrets;
import dev.lockstep.auth.service.oidc.HostedLogin;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The hosted login's pages for one sign-in: a GET shows where it stands; each form posts one step
 * and is answered by the next page or a redirect to the application (post/redirect/get is not needed:
 * a repeated post of a used code is just a wrong code). Forms are read by platform's {@code StrictForm}.
 */
@Path("/oauth2/login/{id}")
@Tag(name = "OpenID Connect")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class LoginPagesResource {

    private final HostedLogin login;

    private final ClientAddress clientAddress;

    private final LoginPages pages;

    public LoginPagesResource(HostedLogin login, ClientAddress clientAddress, LoginPages pages) {
        this.login = login;
        this.clientAddress = clientAddress;
        this.pages = pages;
    }

    @PathParam("id")
    String id;

    @CookieParam(LoginPages.LOGIN_COOKIE)
    String browserSecret;

    @Context
    HttpHeaders headers;

    @GET
    @Operation(summary = "The hosted login page of a sign-in")
    public Response show() {
        return pages.step(id, login.show(id, browserSecret), browserSecret, headers);
    }

    @POST
    @Path("/password")
    @Operation(summary = "Username and password")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(type = SchemaType.OBJECT, properties = {
            @SchemaProperty(name = "username", type = SchemaType.STRING),
            @SchemaProperty(name = "password", type = SchemaType.STRING) })))
    public Response password(MultivaluedMap<String, String> form, @CookieParam(LoginPages.DEVICE_COOKIE) String device,
            @Context HttpServerRequest http) {
        String username = form.getFirst("username");
        String password = form.getFirst("password");
        String deviceId = device != null && device.matches("[A-Za-z0-9_-]{1,64}") ? device
                : Secrets.random("").substring(0, 22);
        RiskEngine.Client client = new RiskEngine.Client(
                clientAddress.of(headers.getHeaderString("X-Forwarded-For"), http),
                headers.getHeaderString(HttpHeaders.USER_AGENT), deviceId);
        Response response = pages.step(id, login.password(id, browserSecret, username, password, client), browserSecret,
                headers);
        if (deviceId.equals(device)) {
            return response;
        }
        return Response.fromResponse(response)
                .cookie(LoginPages.cookie(LoginPages.DEVICE_COOKIE, deviceId, "/", 400 * 24 * 3600)).build();
    }

    @POST
    @Path("/code")
    @Operation(summary = "A code from the chosen second factor; trustDevice=on remembers this browser")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(type = SchemaType.OBJECT, properties = {
            @SchemaProperty(name = "code", type = SchemaType.STRING),
            @SchemaProperty(name = "factorId", type = SchemaType.STRING),
            @SchemaProperty(name = "trustDevice", type = SchemaType.STRING) })))
    public Response code(MultivaluedMap<String, String> form) {
        String trustDevice = form.getFirst("trustDevice");
        return pages.step(id, login.code(id, browserSecret, form.getFirst("code"), form.getFirst("factorId"),
                "on".equals(trustDevice) || "true".equals(trustDevice)), browserSecret, headers);
    }

    @POST
    @Path("/send")
    @Operation(summary = "Send another code to a phone, by text (channel=sms) or by a call (channel=voice)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(type = SchemaType.OBJECT, properties = {
            @SchemaProperty(name = "factorId", type = SchemaType.STRING),
            @SchemaProperty(name = "channel", type = SchemaType.STRING) })))
    public Response send(MultivaluedMap<String, String> form) {
        return pages.step(id, login.send(id, browserSecret, form.getFirst("factorId"), form.getFirst("channel")),
                browserSecret, headers);
    }

    @POST
    @Path("/choose")
    @Operation(summary = "Use another second factor (the authenticator app, a recovery code)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(type = SchemaType.OBJECT, properties = {
            @SchemaProperty(name = "factorId", type = SchemaType.STRING) })))
    public Response choose(MultivaluedMap<String, String> form) {
        return pages.step(id, login.choose(id, browserSecret, form.getFirst("factorId")), browserSecret, headers);
    }

    @POST
    @Path("/cancel")
    @Operation(summary = "Give up: back to the application with access_denied")
    public Response cancel() {
        return pages.step(id, login.cancel(id, browserSecret), browserSecret, headers);
    }
}
