package dev.lockstep.recovery.service;

import dev.lockstep.platform.problem.ProblemException;
import dev.lockstep.recovery.config.RecoveryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Refusals that take an account name answer no sooner than {@code lockstep.recovery.refusal-floor}
 * after the request came in: a known name costs writes an unknown one does not (the day's tries of
 * a recovery key, a failed login for a wrong password), and the floor hides them.
 */
@ApplicationScoped
public class RefusalFloor {

    private final RecoveryConfig config;

    public RefusalFloor(RecoveryConfig config) {
        this.config = config;
    }

    /** The answer of {@code step}; a 401 refusal it throws leaves no sooner than the floor allows. */
    public <T> T answer(Supplier<T> step) {
        long started = System.nanoTime();
        try {
            return step.get();
        } catch (ProblemException refused) {
            if (refused.status() == 401) {
                long answerAt = started + config.refusalFloor().toNanos();
                for (long left = answerAt - System.nanoTime(); left > 0; left = answerAt - System.nanoTime()) {
                    LockSupport.parkNanos(left);
                }
            }
            throw refused;
        }
    }
}
