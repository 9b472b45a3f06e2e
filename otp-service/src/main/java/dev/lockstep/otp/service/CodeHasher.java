package dev.lockstep.otp.service;

import dev.lockstep.otp.domain.ServiceSecret;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes of one-time codes: HMAC-SHA256 over challenge id and code under a 256-bit pepper
 * that the service makes on first start and keeps in its database. A leaked table alone does not
 * let anyone test codes offline.
 */
@Startup
@ApplicationScoped
public class CodeHasher {

    private static final String PEPPER = "code-pepper";

    private SecretKeySpec key;

    @PostConstruct
    void load() {
        key = new SecretKeySpec(ServiceSecret.getOrCreate(PEPPER), "HmacSHA256");
    }

    public String hash(String challengeId, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal((challengeId + ":" + code).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison of two hashes. */
    public static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
