package dev.lockstep.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockstep.auth.service.PasswordHasher;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Passwords are Argon2id in the standard PHC form: what earlier versions stored still verifies. */
@QuarkusTest
class PasswordHasherTest {

    /** Made by Password4j 1.8.4 (Lockstep's hasher until December 2026) with Keycloak's cost, t=5 m=7 MiB p=1. */
    private static final String EARLIER = "$argon2id$v=19$m=7168,t=5,p=1$ZhLvOSlr5kjUGXLRiQPI2Q$"
            + "ftVYNS/akAj0hxmlGPXhMFXm4DZ7HURqvkKffP9UleY";

    @Inject
    PasswordHasher hasher;

    @Test
    void aHashIsArgon2idWithTheConfiguredCostAndAFreshSalt() {
        String first = hasher.hash("correct horse battery staple ü");
        String second = hasher.hash("correct horse battery staple ü");
        // the test profile's cost (application.properties): t=1, m=1 MiB
        assertTrue(first.startsWith("$argon2id$v=19$m=1024,t=1,p=1$"), first);
        assertNotEquals(first, second, "each hash has its own salt");
        assertTrue(hasher.matches("correct horse battery staple ü", first));
        assertFalse(hasher.matches("correct horse battery staple u", first));
        assertFalse(hasher.matches("", first));
    }

    @Test
    void aHashStoredByTheEarlierHasherStillVerifiesWithItsOwnCost() {
        assertTrue(hasher.matches("correct horse battery staple ü", EARLIER));
        assertFalse(hasher.matches("correct horse battery staple", EARLIER));
    }

    @Test
    void aDamagedHashMatchesNothing() {
        assertFalse(hasher.matches("correct horse battery staple ü", EARLIER.substring(0, EARLIER.length() - 4)));
        assertFalse(hasher.matches("correct horse battery staple ü", "$argon2id$v=19$m=7168,t=5,p=1$not-base64$"));
    }
}
