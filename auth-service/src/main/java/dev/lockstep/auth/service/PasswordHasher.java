package dev.lockstep.auth.service;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import dev.lockstep.auth.config.AuthConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Argon2id password hashes in PHC string form (Password4j). A hash carries its own parameters, so
 * changing the cost affects new hashes only. Each hash holds {@code memoryKib} of memory while it
 * runs, so at most {@code maxConcurrent} run at once and the rest wait their turn: a burst of logins
 * queues instead of exhausting the heap.
 */
@ApplicationScoped
public class PasswordHasher {

    @Inject
    AuthConfig config;

    private Argon2Function function;
    private String decoy;
    private Semaphore slots;

    @PostConstruct
    void init() {
        AuthConfig.Password p = config.password();
        slots = new Semaphore(p.maxConcurrent(), true);
        function = Argon2Function.getInstance(p.memoryKib(), p.iterations(), p.parallelism(), 32, Argon2.ID, 19);
        decoy = hash("decoy password that matches nothing");
    }

    public String hash(String password) {
        return bounded(() -> Password.hash(password).addRandomSalt(16).with(function).getResult());
    }

    public boolean matches(String password, String hash) {
        return bounded(() -> Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash)));
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
