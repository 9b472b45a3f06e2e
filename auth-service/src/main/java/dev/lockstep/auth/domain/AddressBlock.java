package dev.lockstep.auth.domain;

import java.math.BigInteger;
import java.util.Optional;

/** A CIDR block such as {@code 198.51.100.0/24} or {@code ::1/128}; a bare address is a block of one. */
public record AddressBlock(byte[] network, int bits) {

    /** The block written as CIDR (or a single address), if it is one. */
    public static Optional<AddressBlock> parse(String cidr) {
        if (cidr == null) {
            return Optional.empty();
        }
        String[] parts = cidr.trim().split("/", -1);
        Optional<byte[]> network = GeoIp.literal(parts[0]);
        if (network.isEmpty() || parts.length > 2) {
            return Optional.empty();
        }
        int max = network.get().length * 8;
        if (parts.length == 1) {
            return Optional.of(new AddressBlock(network.get(), max));
        }
        try {
            int bits = Integer.parseInt(parts[1]);
            return bits < 0 || bits > max ? Optional.empty() : Optional.of(new AddressBlock(network.get(), bits));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether the address (of the same family) lies in the block. */
    public boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int total = network.length * 8;
        BigInteger all = BigInteger.ONE.shiftLeft(total).subtract(BigInteger.ONE);
        BigInteger mask = all.shiftRight(bits).xor(all);
        return new BigInteger(1, network).and(mask).equals(new BigInteger(1, address).and(mask));
    }
}
