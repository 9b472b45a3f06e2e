package dev.lockstep.otp.service;

import dev.lockstep.platform.secret.ServiceSecrets;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets the service must read back (TOTP seeds) with AES-256-GCM under a key it makes on
 * first start and keeps in its database: a copied factor table alone does not reveal them.
 */
@Startup
@ApplicationScoped
public class SecretBox {

    private static final String KEY = "totp-key";
    private static final int NONCE_BYTES = 12;

    private final SecureRandom random = new SecureRandom();
    private SecretKeySpec key;

    private final ServiceSecrets secrets;

    public SecretBox(ServiceSecrets secrets) {
        this.secrets = secrets;
    }

    @PostConstruct
    void load() {
        key = new SecretKeySpec(secrets.getOrCreate(KEY), "AES");
    }

    public String seal(byte[] plain) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(plain);
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] open(String sealed) {
        try {
            byte[] all = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, NONCE_BYTES));
            return cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
