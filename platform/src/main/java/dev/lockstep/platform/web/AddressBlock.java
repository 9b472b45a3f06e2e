package dev.lockstep.platform.web;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** A CIDR block such as {@code 198.51.100.0/24} or {@code ::1/128}; a bare address is a block of one. */
public record AddressBlock(byte[] network, int bits) {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    /** The address as bytes if it is an IPv4 or IPv6 literal (never a DNS lookup), else empty. */
    public static Optional<byte[]> literal(String ip) {
        if (ip == null || !(IPV4.matcher(ip).matches() || ip.contains(":") && IPV6.matcher(ip).matches())) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(ip).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** The block written as CIDR (or a single address), if it is one. */
    public static Optional<AddressBlock> parse(String cidr) {
        if (cidr == null) {
            return Optional.empty();
        }
        String[] parts = cidr.trim().split("/", -1);
        Optional<byte[]> network = literal(parts[0]);
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
