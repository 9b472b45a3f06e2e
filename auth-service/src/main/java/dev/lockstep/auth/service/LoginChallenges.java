package dev.lockstep.auth.service;

import dev.lockstep.auth.config.AuthConfig;
import dev.lockstep.auth.domain.Account;
import dev.lockstep.auth.domain.LoginChallenge;
import dev.lockstep.contracts.LoginChallengeCreated;
import dev.lockstep.contracts.Topic;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.outbox.Outbox;
import dev.lockstep.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A login's second-factor challenge: opened after a right password (otp-service sends the first
 * code when it hears of it), found by id while it is open, refused once completed or expired.
 */
@ApplicationScoped
public class LoginChallenges {

    private static final Pattern UUID_FORM = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final AuthConfig config;

    private final Outbox outbox;

    private final SandboxClock clock;

    public LoginChallenges(AuthConfig config, Outbox outbox, SandboxClock clock) {
        this.config = config;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A new challenge for the factor, with the first code counted as sent. */
    @Transactional(Transactional.TxType.MANDATORY)
    LoginChallenge open(Account account, String factorId, String deviceKey, String correlationId) {
        Instant now = clock.instant();
        LoginChallenge challenge = new LoginChallenge();
        challenge.id = UUID.randomUUID().toString();
        challenge.accountId = account.id;
        challenge.factorId = factorId;
        challenge.status = LoginChallenge.Status.PENDING;
        challenge.sends = 1;
        challenge.deviceKey = deviceKey;
        challenge.lastSentAt = now;
        challenge.correlationId = correlationId;
        challenge.createdAt = now;
        challenge.expiresAt = now.plus(config.challenge().ttl());
        challenge.persist();
        outbox.publish(Topic.AUTH_EVENTS, account.id, challenge.correlationId,
                new LoginChallengeCreated(challenge.id, account.id, factorId, challenge.expiresAt));
        return challenge;
    }

    /** An open challenge by id (read); 404, 409 or 410 otherwise. */
    LoginChallenge find(String challengeId) {
        LoginChallenge challenge = challengeId != null && UUID_FORM.matcher(challengeId).matches()
                ? LoginChallenge.findById(challengeId)
                : null;
        ensureOpen(challenge);
        return challenge;
    }

    /** An open challenge by id, row-locked for a change. */
    @Transactional(Transactional.TxType.MANDATORY)
    LoginChallenge lock(String challengeId) {
        LoginChallenge challenge = LoginChallenge.findById(challengeId, LockModeType.PESSIMISTIC_WRITE);
        ensureOpen(challenge);
        return challenge;
    }

    private void ensureOpen(LoginChallenge challenge) {
        if (challenge == null) {
            throw ProblemException.notFound("challenge-not-found", "No such login challenge");
        }
        if (challenge.status == LoginChallenge.Status.COMPLETED) {
            throw new ProblemException(409, "challenge-completed", "This login is already complete",
                    "Start a new login.");
        }
        if (challenge.expiredAt(clock.instant())) {
            throw new ProblemException(410, "challenge-expired", "This login has expired", "Start a new login.");
        }
    }
}
