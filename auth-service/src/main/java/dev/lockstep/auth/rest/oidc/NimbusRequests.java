package dev.lockstep.auth.rest.oidc;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import dev.lockstep.auth.service.oidc.OAuthException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hands a JAX-RS request to Nimbus, which parses OAuth messages (client authentication, grants, tokens). */
final class NimbusRequests {

    private NimbusRequests() {
    }

    /**
     * A request for Nimbus; a form body that repeats a parameter is refused first (RFC 6749 3.1 and
     * 3.2: parameters must not be included more than once).
     */
    static HTTPRequest of(HTTPRequest.Method method, UriInfo uri, HttpHeaders headers, String body) {
        if (body != null && URLUtils.parseParameters(body).values().stream().anyMatch(v -> v.size() > 1)) {
            throw OAuthException.invalidRequest("A parameter appears more than once");
        }
        HTTPRequest request = new HTTPRequest(method, uri.getRequestUri());
        String contentType = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (contentType != null) {
            request.setHeader("Content-Type", contentType);
        }
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            request.setAuthorization(authorization);
        }
        if (body != null && !body.isEmpty()) {
            request.setBody(body);
        }
        return request;
    }

    /** The application a token request names, by its HTTP Basic credentials or its {@code client_id}; null if none. */
    static String clientId(HTTPRequest request) {
        try {
            ClientAuthentication auth = ClientAuthentication
                    .parse(request);
            if (auth != null) {
                return auth.getClientID().getValue();
            }
        } catch (ParseException e) {
            // not a client authentication Nimbus knows: the form may still name the client
        }
        String body = request.getBody();
        List<String> ids = body != null ? URLUtils.parseParameters(body).get("client_id") : null;
        return ids != null && ids.size() == 1 ? ids.get(0) : null;
    }

    static Map<String, List<String>> params(MultivaluedMap<String, String> values) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        values.forEach(params::put);
        return params;
    }
}
