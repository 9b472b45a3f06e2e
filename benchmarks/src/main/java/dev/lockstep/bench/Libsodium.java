package dev.lockstep.bench;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * libsodium's Argon2id ({@code crypto_pwhash_str_alg}, {@code crypto_pwhash_str_verify}) from the
 * system's library (Debian's {@code libsodium23}) through JNA, for {@code bench-hash}: the same PHC
 * strings as libargon2's.
 */
final class Libsodium {

    /** {@code crypto_pwhash_ALG_ARGON2ID13}. */
    private static final int ARGON2ID13 = 2;

    /** {@code crypto_pwhash_STRBYTES}. */
    private static final int STRBYTES = 128;

    /** The C functions used. */
    public interface Functions extends Library {
        int sodium_init();

        int crypto_pwhash_str_alg(byte[] out, byte[] passwd, long passwdlen, long opslimit, long memlimit, int alg);

        int crypto_pwhash_str_verify(byte[] str, byte[] passwd, long passwdlen);
    }

    private final Functions sodium;

    private Libsodium(Functions sodium) {
        this.sodium = sodium;
    }

    /** The system's libsodium, or empty when it is not installed. */
    static Optional<Libsodium> load() {
        try {
            Functions sodium = Native.load("sodium", Functions.class);
            return sodium.sodium_init() >= 0 ? Optional.of(new Libsodium(sodium)) : Optional.empty();
        } catch (UnsatisfiedLinkError e) {
            return Optional.empty();
        }
    }

    /** A PHC string with a fresh 16-byte salt (libsodium computes one lane: p=1). */
    String hash(int iterations, int memoryKib, String password) {
        byte[] secret = password.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[STRBYTES];
        if (sodium.crypto_pwhash_str_alg(out, secret, secret.length, iterations, memoryKib * 1024L, ARGON2ID13) != 0) {
            throw new IllegalStateException("libsodium could not hash");
        }
        int end = 0;
        while (end < out.length && out[end] != 0) {
            end++;
        }
        return new String(out, 0, end, StandardCharsets.US_ASCII);
    }

    boolean verify(String hash, String password) {
        byte[] secret = password.getBytes(StandardCharsets.UTF_8);
        return sodium.crypto_pwhash_str_verify((hash + '\0').getBytes(StandardCharsets.US_ASCII), secret,
                secret.length) == 0;
    }
}
