package dev.lockstep.recovery.service;

import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.problem.ProblemException;
import dev.lockstep.recovery.config.RecoveryConfig;
import dev.lockstep.recovery.domain.RecoveryCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;

/**
 * The codes recovery sends across cases in 24 hours of sandbox time: at most so many to one number
 * or address, and for one account name — whether or not an account has that name, so that the
 * limit itself tells nothing about it. Counted from the cases' own send counters, this one's
 * included, in the transaction that sends (which the refusal rolls back).
 */
@ApplicationScoped
public class SendLimits {

    static final Duration WINDOW = Duration.ofDays(1);

    private final RecoveryConfig config;

    private final SandboxClock clock;

    public SendLimits(RecoveryConfig config, SandboxClock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Refuses with 429 when the case's latest send passes a limit; {@code destination} may be null (a trusted phone). */
    @Transactional(Transactional.TxType.MANDATORY)
    void check(RecoveryCase c, String destination) {
        Instant since = clock.instant().minus(WINDOW);
        if (destination != null && sends("(c.recoveryPhone = :value or c.contactEmail = :value)", destination, since) > config
                .maxSendsPerDestination()) {
            throw refused(config.maxSendsPerDestination() + " codes a day go to one number or address");
        }
        if (sends("c.username = :value", c.username, since) > config.maxSendsPerName()) {
            throw refused(config.maxSendsPerName() + " codes a day go out for one account");
        }
    }

    private static long sends(String which, String value, Instant since) {
        return RecoveryCase.getEntityManager()
                .createQuery("select coalesce(sum(c.sends), 0) from RecoveryCase c where " + which
                        + " and c.createdAt > :since", Long.class)
                .setParameter("value", value).setParameter("since", since).getSingleResult();
    }

    private static ProblemException refused(String limit) {
        return new ProblemException(429, "send-limit-reached", "No more codes for now",
                "At most " + limit + "; try again tomorrow.").header("Retry-After", String.valueOf(WINDOW.toSeconds()));
    }
}
