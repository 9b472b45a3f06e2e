package dev.lockstep.platform.web;

import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.Optional;

/**
 * Where a request comes from: the first address of {@code X-Forwarded-For} when the peer is one of
 * the trusted proxies, otherwise the peer itself — so that a caller cannot pick the address that
 * limits and the risk engine see by writing a header.
 */
public final class TrustedProxies {

    private final List<AddressBlock> trusted;

    private TrustedProxies(List<AddressBlock> trusted) {
        this.trusted = trusted;
    }

    /**
     * From a setting's CIDR blocks or addresses, or the single word {@code none}; {@code setting} names
     * it in the error a bad entry gets at start.
     */
    public static TrustedProxies of(String setting, List<String> configured) {
        if (configured.size() == 1 && "none".equalsIgnoreCase(configured.get(0).trim())) {
            return new TrustedProxies(List.of());
        }
        return new TrustedProxies(configured.stream().map(cidr -> AddressBlock.parse(cidr).orElseThrow(
                () -> new IllegalStateException(setting + ": " + cidr
                        + " is not an address or a CIDR block such as 10.0.0.0/8 (or give none)")))
                .toList());
    }

    /** The client's address as this request tells it (its peer, or what a trusted proxy forwarded). */
    public String clientOf(String forwardedFor, HttpServerRequest http) {
        return clientOf(forwardedFor, http != null && http.remoteAddress() != null ? http.remoteAddress().hostAddress() : null);
    }

    /** The client's address: {@code peer}, or the first {@code X-Forwarded-For} address a trusted peer gave. */
    public String clientOf(String forwardedFor, String peer) {
        if (forwardedFor == null || peer == null || !trustedPeer(peer)) {
            return peer;
        }
        String first = forwardedFor.split(",", 2)[0].trim();
        return AddressBlock.literal(first).isPresent() ? first : peer;
    }

    private boolean trustedPeer(String peer) {
        Optional<byte[]> address = AddressBlock.literal(peer);
        return address.isPresent() && trusted.stream().anyMatch(block -> block.contains(address.get()));
    }
}
