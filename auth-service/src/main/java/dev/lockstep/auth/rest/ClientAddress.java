package dev.lockstep.auth.rest;

import dev.lockstep.auth.config.AuthConfig;
import dev.lockstep.platform.web.TrustedProxies;
import io.quarkus.runtime.Startup;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Where a sign-in comes from: the first address of {@code X-Forwarded-For} when the peer is a
 * trusted proxy ({@code lockstep.auth.trusted-proxies}), otherwise the peer itself ({@link TrustedProxies}).
 */
@Startup
@ApplicationScoped
public class ClientAddress {

    private final AuthConfig config;

    public ClientAddress(AuthConfig config) {
        this.config = config;
    }

    private TrustedProxies proxies;

    @PostConstruct
    void readTrustedProxies() {
        proxies = TrustedProxies.of("lockstep.auth.trusted-proxies", config.trustedProxies());
    }

    /** The client's address as this request tells it. */
    public String of(String forwardedFor, HttpServerRequest http) {
        return proxies.clientOf(forwardedFor, http);
    }
}
