package dev.lockstep.platform.secret;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * Secrets a service makes for itself on first start and keeps in its own database (table
 * {@code service_secret}: {@code name}, base64 {@code secret_value}), e.g. the pepper of its code
 * hashes. Two instances starting at once agree on one: the loser of the insert reads the winner's.
 */
@ApplicationScoped
public class ServiceSecrets {

    private final SecureRandom random = new SecureRandom();

    /** The 256-bit secret of this name, made at random and stored on first use. */
    public byte[] getOrCreate(String name) {
        String value = read(name);
        if (value == null) {
            byte[] fresh = new byte[32];
            random.nextBytes(fresh);
            try {
                QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager()
                        .createNativeQuery("INSERT INTO service_secret (name, secret_value) VALUES (?1, ?2)")
                        .setParameter(1, name).setParameter(2, Base64.getEncoder().encodeToString(fresh)).executeUpdate());
            } catch (RuntimeException e) {
                // another instance stored it first: its secret is the one, read below
            }
            value = read(name);
            if (value == null) {
                throw new IllegalStateException("the service secret " + name + " could not be stored");
            }
        }
        return Base64.getDecoder().decode(value);
    }

    private static String read(String name) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> found = Panache.getEntityManager()
                    .createNativeQuery("SELECT secret_value FROM service_secret WHERE name = ?1")
                    .setParameter(1, name).getResultList();
            return found.isEmpty() ? null : (String) found.get(0);
        });
    }
}
