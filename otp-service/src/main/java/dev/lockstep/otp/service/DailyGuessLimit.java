package dev.lockstep.otp.service;

import dev.lockstep.otp.config.OtpConfig;
import dev.lockstep.otp.domain.OtpChallenge;
import dev.lockstep.platform.clock.SandboxClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;

/**
 * Wrong codes an account may send in 24 hours of sandbox time, across all its challenges: each
 * challenge takes a few, and without this a caller who knows the password could open challenge
 * after challenge and go on guessing (whatever the lockout preset, which may be off).
 */
@ApplicationScoped
public class DailyGuessLimit {

    private final OtpConfig config;

    private final SandboxClock clock;

    public DailyGuessLimit(OtpConfig config, SandboxClock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Whether the account has no wrong code left today; under the caller's lock on the account. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean spent(String accountId) {
        Long wrong = OtpChallenge.getEntityManager().createQuery("select coalesce(sum(c.wrongAttempts), 0) from "
                + "OtpChallenge c where c.accountId = :account and c.createdAt > :since", Long.class)
                .setParameter("account", accountId).setParameter("since", clock.instant().minus(Duration.ofDays(1)))
                .getSingleResult();
        return wrong >= config.maxWrongCodesPerDay();
    }
}
