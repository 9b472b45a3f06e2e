package dev.lockstep.otp.service;

import dev.lockstep.platform.secret.KeyedHash;
import dev.lockstep.platform.secret.ServiceSecrets;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keyed hashes of one-time codes: HMAC-SHA256 over challenge id and code under a 256-bit pepper
 * that the service makes on first start and keeps in its database ({@link KeyedHash}).
 */
@Startup
@ApplicationScoped
public class CodeHasher {

    private static final String PEPPER = "code-pepper";

    private final ServiceSecrets secrets;

    public CodeHasher(ServiceSecrets secrets) {
        this.secrets = secrets;
    }

    private KeyedHash hash;

    @PostConstruct
    void load() {
        hash = new KeyedHash(secrets.getOrCreate(PEPPER));
    }

    public String hash(String challengeId, String code) {
        return hash.of(challengeId, code);
    }

    /** Constant-time comparison of two hashes. */
    public static boolean same(String a, String b) {
        return KeyedHash.same(a, b);
    }
}
