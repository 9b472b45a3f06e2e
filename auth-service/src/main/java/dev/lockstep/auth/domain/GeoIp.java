package dev.lockstep.auth.domain;

import dev.lockstep.platform.web.AddressBlock;
import java.util.List;
import java.util.Optional;

/**
 * The simulated GeoIP database: IP ranges (CIDR) with a country and a city's coordinates, so that a
 * test can log in "from Spain" by sending {@code X-Forwarded-For: 198.51.100.7}. The most specific
 * range wins.
 */
public final class GeoIp {

    /** One range of the table. */
    public record Range(String cidr, String country, String city, double latitude, double longitude) {
    }

    /** Where an address is, by the table. */
    public record Location(String country, String city, double latitude, double longitude) {
    }

    /** The documentation ranges of RFC 5737 and RFC 3849, placed in four cities. */
    public static final List<Range> DEFAULT = List.of(
            new Range("203.0.113.0/24", "JP", "Tokyo", 35.6762, 139.6503),
            new Range("198.51.100.0/24", "ES", "Madrid", 40.4168, -3.7038),
            new Range("192.0.2.0/24", "US", "New York", 40.7128, -74.0060),
            new Range("2001:db8::/32", "GB", "London", 51.5072, -0.1276));

    private GeoIp() {
    }

    /** Why the range is not a valid CIDR block, or null when it is. */
    public static String problem(Range range) {
        String[] parts = range.cidr() == null ? new String[0] : range.cidr().split("/");
        if (parts.length != 2 || AddressBlock.literal(parts[0]).isEmpty()) {
            return "geoip range " + range.cidr() + " is not a CIDR block such as 198.51.100.0/24";
        }
        int bits;
        try {
            bits = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            return "geoip range " + range.cidr() + " has no prefix length";
        }
        if (bits < 0 || bits > AddressBlock.literal(parts[0]).get().length * 8) {
            return "geoip range " + range.cidr() + " has a prefix length out of range";
        }
        if (range.country() == null || !range.country().matches("[A-Z]{2}")) {
            return "geoip range " + range.cidr() + " needs an ISO 3166 country such as ES";
        }
        if (Math.abs(range.latitude()) > 90 || Math.abs(range.longitude()) > 180) {
            return "geoip range " + range.cidr() + " has coordinates out of range";
        }
        return null;
    }

    /** The most specific range holding the address. */
    public static Optional<Location> locate(List<Range> table, String ip) {
        Optional<byte[]> address = AddressBlock.literal(ip);
        if (address.isEmpty()) {
            return Optional.empty();
        }
        Range best = null;
        int bestBits = -1;
        for (Range range : table) {
            AddressBlock block = AddressBlock.parse(range.cidr()).orElse(null);
            if (block != null && block.bits() > bestBits && block.contains(address.get())) {
                best = range;
                bestBits = block.bits();
            }
        }
        return Optional.ofNullable(best).map(r -> new Location(r.country(), r.city(), r.latitude(), r.longitude()));
    }

    /** Great-circle distance in kilometres (haversine, mean Earth radius). */
    public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
