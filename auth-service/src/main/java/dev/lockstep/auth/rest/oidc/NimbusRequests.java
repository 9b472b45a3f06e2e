package dev.lockstep.auth.rest.oidc;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;
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

    static HTTPRequest of(HTTPRequest.Method method, UriInfo uri, HttpHeaders headers, String body) {
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

    static Map<String, List<String>> params(MultivaluedMap<String, String> values) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        values.forEach(params::put);
        return params;
    }
}
