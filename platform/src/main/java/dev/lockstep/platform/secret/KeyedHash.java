package dev.lockstep.platform.secret;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes of one-time codes and keys: HMAC-SHA256 (hex) over the parts joined by {@code :}, under
 * a pepper the service keeps apart from the hashes ({@link ServiceSecrets}); a leaked table alone does
 * not let anyone test codes offline. Compared in constant time.
 */
public final class KeyedHash {

    private final SecretKeySpec key;

    public KeyedHash(byte[] pepper) {
        this.key = new SecretKeySpec(pepper, "HmacSHA256");
    }

    /** The hash of {@code parts[0]:parts[1]:…}, e.g. (challenge id, code). */
    public String of(String... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(String.join(":", parts).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison of two hashes. */
    public static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
