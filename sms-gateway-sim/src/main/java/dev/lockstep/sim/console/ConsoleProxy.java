package dev.lockstep.sim.console;

import dev.lockstep.platform.http.OutgoingHttp;
import dev.lockstep.platform.problem.ProblemException;
import dev.lockstep.platform.security.Operator;
import dev.lockstep.sim.config.SimConfig;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The console runs in one origin (this service), so its calls to auth-service, otp-service and
 * recovery-service go through here: method, path, query, body and the caller's own credentials are
 * passed on as they are (the console never holds a token it was not given). Internal APIs are not
 * reachable this way. The console's OpenID Connect sign-in reaches discovery, the token endpoint and
 * userinfo here too; the browser itself goes to the authorization endpoint and the hosted login.
 */
@Path("/v1/console/{service: auth|otp|recovery}/{path: v1/.*|oauth2/token|oauth2/userinfo|\\.well-known/openid-configuration}")
@Tag(name = "Console")
public class ConsoleProxy {

    private final SimConfig config;

    private final OutgoingHttp http;

    public ConsoleProxy(SimConfig config, OutgoingHttp http) {
        this.config = config;
        this.http = http;
    }

    @GET
    @Operation(summary = "GET on another service, for the console")
    public Response get(@PathParam("service") String service, @PathParam("path") String path, @Context UriInfo uri,
            @HeaderParam("Authorization") String authorization) {
        return forward("GET", service, path, uri, authorization, null, null, null);
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "POST to another service, for the console")
    public Response post(@PathParam("service") String service, @PathParam("path") String path, @Context UriInfo uri,
            @HeaderParam("Authorization") String authorization, @HeaderParam("Content-Type") String contentType,
            @HeaderParam("X-Forwarded-For") String forwardedFor, String body) {
        // the hosted login page may say where the "client" is (the risk engine's GeoIP table places it)
        return forward("POST", service, path, uri, authorization, contentType, body, forwardedFor);
    }

    @PUT
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "PUT to another service, for the console")
    public Response put(@PathParam("service") String service, @PathParam("path") String path, @Context UriInfo uri,
            @HeaderParam("Authorization") String authorization, @HeaderParam("Content-Type") String contentType,
            String body) {
        return forward("PUT", service, path, uri, authorization, contentType, body, null);
    }

    @DELETE
    @Operation(summary = "DELETE on another service, for the console")
    public Response delete(@PathParam("service") String service, @PathParam("path") String path, @Context UriInfo uri,
            @HeaderParam("Authorization") String authorization) {
        return forward("DELETE", service, path, uri, authorization, null, null, null);
    }

    private Response forward(String method, String service, String path, UriInfo uri, String authorization,
            String contentType, String body, String forwardedFor) {
        if (path.startsWith("v1/internal") || path.contains("..")) {
            throw ProblemException.notFound("not-found", "Not available through the console");
        }
        String base = switch (service) {
            case "auth" -> config.services().auth();
            case "otp" -> config.services().otp();
            default -> config.services().recovery();
        };
        String query = uri.getRequestUri().getRawQuery();
        String target = base + "/" + path + (query != null ? "?" + query : "");
        HttpRequest<Buffer> request = http.request(HttpMethod.valueOf(method), target, Duration.ofSeconds(30))
                .putHeader(Operator.HEADER, "console");
        if (authorization != null) {
            request.putHeader("Authorization", authorization);
        }
        if (forwardedFor != null) {
            request.putHeader("X-Forwarded-For", forwardedFor);
        }
        boolean hasBody = body != null && !body.isEmpty();
        if (contentType != null && hasBody) {
            request.putHeader("Content-Type", contentType);
        }
        try {
            HttpResponse<Buffer> answer = OutgoingHttp
                    .await(hasBody ? request.sendBuffer(Buffer.buffer(body)) : request.send());
            Response.ResponseBuilder response = Response.status(answer.statusCode());
            Optional.ofNullable(answer.getHeader("Content-Type")).ifPresent(type -> response.header("Content-Type", type));
            Optional.ofNullable(answer.getHeader("Retry-After")).ifPresent(after -> response.header("Retry-After", after));
            String text = answer.bodyAsString();
            return (text == null || text.isEmpty() ? response : response.entity(text)).build();
        } catch (IOException e) {
            throw new ProblemException(503, "service-unavailable", "The " + service + " service did not answer",
                    e.getMessage());
        }
    }
}
