package dev.lockstep.auth.rest;

import dev.lockstep.auth.config.AuthConfig;
import dev.lockstep.auth.domain.AddressBlock;
import dev.lockstep.auth.domain.GeoIp;
import io.quarkus.runtime.Startup;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * Where a sign-in comes from: the first address of {@code X-Forwarded-For} when the peer is a
 * trusted proxy ({@code lockstep.auth.trusted-proxies}), otherwise the peer itself — so that a caller
 * cannot pick the address the risk engine and the lockout see by writing a header.
 */
@Startup
@ApplicationScoped
public class ClientAddress {

    @Inject
    AuthConfig config;

    private List<AddressBlock> trusted;

    @PostConstruct
    void readTrustedProxies() {
        List<String> configured = config.trustedProxies();
        if (configured.size() == 1 && "none".equalsIgnoreCase(configured.get(0).trim())) {
            trusted = List.of();
            return;
        }
        trusted = configured.stream().map(cidr -> AddressBlock.parse(cidr).orElseThrow(() -> new IllegalStateException(
                "lockstep.auth.trusted-proxies: " + cidr + " is not an address or a CIDR block such as 10.0.0.0/8"
                        + " (or give none)"))).toList();
    }

    /** The client's address as this request tells it. */
    public String of(String forwardedFor, HttpServerRequest http) {
        String peer = http != null && http.remoteAddress() != null ? http.remoteAddress().hostAddress() : null;
        if (forwardedFor == null || peer == null || !trustedPeer(peer)) {
            return peer;
        }
        String first = forwardedFor.split(",", 2)[0].trim();
        return GeoIp.literal(first).isPresent() ? first : peer;
    }

    private boolean trustedPeer(String peer) {
        Optional<byte[]> address = GeoIp.literal(peer);
        return address.isPresent() && trusted.stream().anyMatch(block -> block.contains(address.get()));
    }
}
