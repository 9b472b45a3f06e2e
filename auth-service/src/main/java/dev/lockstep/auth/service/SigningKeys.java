package dev.lockstep.auth.service;

import dev.lockstep.auth.config.AuthConfig;
import dev.lockstep.auth.domain.SigningKey;
import dev.lockstep.platform.audit.AuditTrail;
import dev.lockstep.platform.clock.SandboxClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * The token signing keys: RSA 2048 pairs kept in the database, so tokens stay valid across restarts
 * and every instance signs alike. The newest signs; an operator rotates (a new key signs at once) and
 * the retired key stays in the JWKS until the tokens it signed have expired. Instances re-read the
 * keys every few seconds, and at once on an unknown {@code kid}.
 */
@Startup
@ApplicationScoped
public class SigningKeys {

    private static final Duration REREAD = Duration.ofSeconds(5);

    private final SandboxClock clock;

    private final AuthConfig config;

    private final AuditTrail audit;

    public SigningKeys(SandboxClock clock, AuthConfig config, AuditTrail audit) {
        this.clock = clock;
        this.config = config;
        this.audit = audit;
    }

    /** One usable key: {@code retiredAt} null for the one that signs. */
    public record Key(String kid, PrivateKey privateKey, RSAPublicKey publicKey, Instant retiredAt) {
    }

    private volatile List<Key> keys = List.of();
    private volatile long readAt;

    @PostConstruct
    void load() {
        QuarkusTransaction.requiringNew().run(() -> {
            if (SigningKey.count() == 0) {
                newKey().persist();
            }
        });
        reread();
    }

    /** The key that signs now. */
    public Key current() {
        if (System.nanoTime() - readAt > REREAD.toNanos()) {
            reread();
        }
        return keys.get(0);
    }

    /** The public key of a {@code kid} still published, if any. */
    public Optional<RSAPublicKey> publicKey(String kid) {
        Optional<RSAPublicKey> known = find(kid);
        if (known.isEmpty() && kid != null) {
            reread(); // another instance may have rotated
            known = find(kid);
        }
        return known;
    }

    /** For jose4j consumers: the key by the token's {@code kid}. */
    public VerificationKeyResolver resolver() {
        return (JsonWebSignature jws, List<JsonWebStructure> nesting) -> publicKey(jws.getKeyIdHeaderValue())
                .orElseThrow(() -> new UnresolvableKeyException("no published key " + jws.getKeyIdHeaderValue()));
    }

    /** The JWKS document: the public halves of the signing key and of retired keys whose tokens may live. */
    public Map<String, Object> jwks() {
        return jwksWithout(null);
    }

    /** The JWKS document missing one key (an identity-provider fault: a rotation seen late). */
    public Map<String, Object> jwksWithout(String kid) {
        current();
        return Map.of("keys", published().stream().filter(k -> !k.kid().equals(kid)).map(k -> {
            RsaJsonWebKey jwk = new RsaJsonWebKey(k.publicKey());
            jwk.setKeyId(k.kid());
            jwk.setUse("sig");
            jwk.setAlgorithm("RS256");
            return jwk.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        }).toList());
    }

    /** Rotation: a new key signs from now on; the old one is retired (still published for a while). Returns the new kid. */
    public String rotate(String operator) {
        String kid = QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            SigningKey.<SigningKey> list("retiredAt is null").forEach(k -> k.retiredAt = now);
            SigningKey key = newKey();
            key.persist();
            audit.record(operator, "signing-key.rotate", "sandbox", "new key " + key.kid);
            return key.kid;
        });
        reread();
        return kid;
    }

    private Optional<RSAPublicKey> find(String kid) {
        return published().stream().filter(k -> k.kid().equals(kid)).map(Key::publicKey).findFirst();
    }

    private List<Key> published() {
        Instant oldest = clock.instant().minus(config.token().ttl());
        return keys.stream().filter(k -> k.retiredAt() == null || k.retiredAt().isAfter(oldest)).toList();
    }

    private void reread() {
        List<SigningKey> stored = QuarkusTransaction.requiringNew()
                .call(() -> SigningKey.<SigningKey> list("order by retiredAt desc nulls first, createdAt desc"));
        keys = stored.stream().map(SigningKeys::read).toList();
        readAt = System.nanoTime();
    }

    private static Key read(SigningKey key) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return new Key(key.kid, rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(key.privateKey))),
                    (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(key.publicKey))),
                    key.retiredAt);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored signing key is unreadable", e);
        }
    }

    private SigningKey newKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            byte[] publicDer = pair.getPublic().getEncoded();
            SigningKey key = new SigningKey();
            key.kid = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(publicDer)).substring(0, 16);
            key.algorithm = "RS256";
            key.privateKey = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
            key.publicKey = Base64.getEncoder().encodeToString(publicDer);
            key.createdAt = clock.instant();
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a signing key", e);
        }
    }
}
