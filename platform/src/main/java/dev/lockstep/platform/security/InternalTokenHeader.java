package dev.lockstep.platform.security;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * The internal bearer token ({@code lockstep.internal.token}) on every call of a REST client to another
 * service's {@link InternalApi}: {@code @RegisterClientHeaders(InternalTokenHeader.class)} on the interface.
 * Not a bean, so a service without a REST client never loads it.
 */
public class InternalTokenHeader implements ClientHeadersFactory {

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
            MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        headers.putSingle(HttpHeaders.AUTHORIZATION,
                "Bearer " + ConfigProvider.getConfig().getValue("lockstep.internal.token", String.class));
        return headers;
    }
}
