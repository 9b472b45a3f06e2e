package dev.lockstep.auth.service;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import dev.lockstep.auth.config.AuthConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Argon2id password hashes in PHC string form ({@code $argon2id$v=19$m=7168,t=5,p=1$salt$hash}),
 * computed by the reference C implementation, libargon2, through argon2-jvm: steadier and faster than
 * a Java Argon2 whose speed depends on how the JIT compiled it, and its 7 MiB live outside the heap.
 * A hash carries its own parameters, so changing the cost affects new hashes only, and hashes made by
 * any other Argon2 library in the same standard form (Password4j's, before 2026-12) still verify. At
 * most {@code maxConcurrent} run at once and the rest wait their turn: a burst of logins queues
 * instead of taking all the memory.
 */
@ApplicationScoped
public class PasswordHasher {

    private final AuthConfig config;

    public PasswordHasher(AuthConfig config) {
        this.config = config;
    }

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id, SALT_BYTES, HASH_BYTES);
    private AuthConfig.Password cost;
    private String decoy;
    private Semaphore slots;

    @PostConstruct
    void init() {
        cost = config.password();
        slots = new Semaphore(cost.maxConcurrent(), true);
        decoy = hash("decoy password that matches nothing");
    }

    public String hash(String password) {
        return bounded(() -> argon2.hash(cost.iterations(), cost.memoryKib(), cost.parallelism(), password));
    }

    public boolean matches(String password, String hash) {
        return bounded(() -> argon2.verify(hash, password));
    }

    private <T> T bounded(Supplier<T> work) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to hash a password", e);
        }
        try {
            return work.get();
        } finally {
            slots.release();
        }
    }

    /** Spends the same work as a real check, for unknown users: no timing difference to enumerate with. */
    public void matchNothing(String password) {
        matches(password, decoy);
    }
}
