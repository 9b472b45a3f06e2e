package dev.lockstep.platform.fault;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

/**
 * When a fault rule acts, the same for every Lockstep fault (the phone network's and the identity
 * provider's): inside its window of sandbox time; then for the next N matches, every Nth match, or with
 * a probability; or always. Random draws are a pure function of their inputs, so the same seed, rules
 * and traffic give the same outcomes.
 */
public final class Triggers {

    private Triggers() {
    }

    /** Inside the window {@code [from, until)} of sandbox time; an open end is no bound. */
    public static boolean inWindow(Instant from, Instant until, Instant now) {
        return (from == null || !now.isBefore(from)) && (until == null || now.isBefore(until));
    }

    /** A "next N" rule that has acted N times matches nothing more. */
    public static boolean spent(Integer next) {
        return next != null && next <= 0;
    }

    /**
     * Whether a rule that matched acts this time.
     *
     * @param matched its count of matches, this one included
     * @param draw a number in [0, 1) for a probability trigger
     */
    public static boolean fires(Integer everyNth, Double probability, long matched, double draw) {
        if (everyNth != null) {
            return matched % everyNth == 0;
        }
        if (probability != null) {
            return draw < probability;
        }
        return true; // "next N" (counted down by the caller) or always
    }

    /** A number in [0, 1) that depends only on its inputs (SHA-256 of them). */
    public static double draw(long seed, long sequence, int position, int purpose, String key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(ByteBuffer.allocate(28).putLong(seed).putLong(sequence).putInt(position).putInt(purpose).putInt(0)
                    .array());
            sha.update(key.getBytes(StandardCharsets.UTF_8));
            long bits = ByteBuffer.wrap(sha.digest()).getLong() >>> 11;
            return bits / (double) (1L << 53);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
