package dev.lockstep.recovery.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.security.SecureRandom;
import java.util.Base64;

/** A secret recovery-service made for itself on first start (the pepper of its code hashes). */
@Entity
@Table(name = "service_secret")
public class ServiceSecret extends PanacheEntityBase {

    @Id
    @Column(length = 64)
    public String name;

    @Column(name = "secret_value", nullable = false, length = 256)
    public String value;

    /** The 256-bit secret of this name, made at random and stored on first use. */
    public static byte[] getOrCreate(String name) {
        String value = QuarkusTransaction.requiringNew().call(() -> {
            ServiceSecret existing = findById(name);
            if (existing != null) {
                return existing.value;
            }
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            ServiceSecret secret = new ServiceSecret();
            secret.name = name;
            secret.value = Base64.getEncoder().encodeToString(fresh);
            secret.persist();
            return secret.value;
        });
        return Base64.getDecoder().decode(value);
    }
}
