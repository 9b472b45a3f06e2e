package dev.lockstep.auth.rest.oidc;

import dev.lockstep.auth.service.oidc.HostedLoginException;
import dev.lockstep.auth.service.oidc.OAuthException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * OAuth endpoints answer errors in the OAuth format ({@code error}, {@code error_description}), not as
 * problems; the hosted login answers with an error page.
 */
public class OAuthErrorMapper {

    private final LoginPages pages;

    public OAuthErrorMapper(LoginPages pages) {
        this.pages = pages;
    }

    @ServerExceptionMapper
    public Response oauth(OAuthException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.error());
        if (e.description() != null) {
            body.put("error_description", e.description());
        }
        Response.ResponseBuilder response = Response.status(e.status()).type(MediaType.APPLICATION_JSON)
                .entity(body).header(HttpHeaders.CACHE_CONTROL, "no-store");
        if ("invalid_client".equals(e.error())) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"lockstep\"");
        }
        if ("invalid_token".equals(e.error())) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response page(HostedLoginException e, HttpHeaders headers) {
        return pages.error(e.status(), e.reason(), null, headers);
    }
}
