package dev.lockstep.auth.service;

import dev.lockstep.auth.domain.SigningKey;
import dev.lockstep.platform.clock.SandboxClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;

/**
 * The token signing key: an RSA 2048 pair made on first start and kept in the database, so tokens
 * stay valid across restarts. Its public half is served as the JWKS.
 */
@Startup
@ApplicationScoped
public class SigningKeys {

    @Inject
    SandboxClock clock;

    private String kid;
    private PrivateKey privateKey;
    private RSAPublicKey publicKey;

    @PostConstruct
    void load() {
        SigningKey key = QuarkusTransaction.requiringNew().call(this::findOrCreate);
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(key.privateKey)));
            publicKey = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(key.publicKey)));
            kid = key.kid;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored signing key is unreadable", e);
        }
    }

    private SigningKey findOrCreate() {
        SigningKey existing = SigningKey.<SigningKey>find("order by createdAt desc").firstResult();
        if (existing != null) {
            return existing;
        }
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
            key.persist();
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a signing key", e);
        }
    }

    public String kid() {
        return kid;
    }

    public RSAPublicKey publicKey() {
        return publicKey;
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    /** The JWKS document: the public key only. */
    public Map<String, Object> jwks() {
        RsaJsonWebKey jwk = new RsaJsonWebKey(publicKey);
        jwk.setKeyId(kid);
        jwk.setUse("sig");
        jwk.setAlgorithm("RS256");
        return Map.of("keys", java.util.List.of(jwk.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)));
    }
}
