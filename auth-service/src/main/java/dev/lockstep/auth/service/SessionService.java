package dev.lockstep.auth.service;

import dev.lockstep.auth.config.AuthConfig;
import dev.lockstep.auth.domain.Account;
import dev.lockstep.auth.domain.LoginSession;
import dev.lockstep.auth.domain.RefreshToken;
import dev.lockstep.contracts.SessionChanged;
import dev.lockstep.contracts.Topic;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.outbox.Outbox;
import dev.lockstep.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Sessions and their refresh tokens: a login starts a session; each refresh uses its token up and
 * hands out a new one (rotation); a token that comes back after it was used means it leaked, so the
 * whole session is revoked (reuse detection, as OAuth 2.0 Security BCP advises).
 */
@ApplicationScoped
public class SessionService {

    /** What a login or a refresh hands the client. */
    public record Tokens(TokenIssuer.IssuedToken access, String refreshToken, String sessionId) {
    }

    @Inject
    TokenIssuer tokens;

    @Inject
    AuthConfig config;

    @Inject
    SandboxClock clock;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    private final SecureRandom random = new SecureRandom();

    /** Starts a session for a completed login, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Tokens start(Account account, List<String> amr, String deviceKey, String correlationId) {
        LoginSession session = new LoginSession();
        session.id = UUID.randomUUID().toString();
        session.accountId = account.id;
        session.deviceKey = deviceKey;
        session.amr = String.join(",", amr);
        session.createdAt = clock.instant();
        session.persist();
        outbox.publish(Topic.AUTH_EVENTS, account.id, correlationId,
                new SessionChanged(account.id, session.id, "started", null));
        return new Tokens(tokens.issue(account, amr, session.id), newRefreshToken(session.id), session.id);
    }

    /** Uses a refresh token up and hands out new tokens; a used one revokes its session. */
    @Transactional(dontRollbackOn = ProblemException.class)
    public Tokens refresh(String presented) {
        RefreshToken token = presented == null || presented.length() > 128 ? null
                : RefreshToken.findById(hash(presented), LockModeType.PESSIMISTIC_WRITE);
        if (token == null) {
            throw invalidGrant("invalid-refresh-token", "The refresh token is not known");
        }
        LoginSession session = LoginSession.findById(token.sessionId, LockModeType.PESSIMISTIC_WRITE);
        if (session.revokedAt != null) {
            throw invalidGrant("session-revoked", "The session was revoked");
        }
        if ("used".equals(token.status)) {
            revoke(session, "refresh-token-reuse", null);
            throw invalidGrant("refresh-token-reused", "The refresh token was already used; the session is revoked");
        }
        if (!clock.instant().isBefore(token.expiresAt)) {
            throw invalidGrant("refresh-token-expired", "The refresh token has expired");
        }
        token.status = "used";
        session.lastRefreshedAt = clock.instant();
        Account account = Account.findById(session.accountId);
        return new Tokens(tokens.issue(account, Arrays.asList(session.amr.split(",")), session.id),
                newRefreshToken(session.id), session.id);
    }

    /** Revokes one session of an account; {@code operator} null: the owner (or logout). */
    @Transactional
    public void revoke(String accountId, String sessionId, String reason, String operator) {
        LoginSession session = LoginSession.findById(sessionId, LockModeType.PESSIMISTIC_WRITE);
        if (session == null || !session.accountId.equals(accountId) || session.revokedAt != null) {
            throw ProblemException.notFound("session-not-found", "No such active session on this account");
        }
        revoke(session, reason, operator);
    }

    /** Revokes every active session of an account (a support action when a device is lost). */
    @Transactional
    public int revokeAll(String accountId, String reason, String operator) {
        List<LoginSession> active = LoginSession.activeOf(accountId);
        active.forEach(s -> revoke(s, reason, null));
        audit.record(operator, "session.revoke-all", accountId, reason);
        return active.size();
    }

    private void revoke(LoginSession session, String reason, String operator) {
        session.revokedAt = clock.instant();
        session.revokedReason = reason;
        if (operator != null) {
            audit.record(operator, "session.revoke", session.accountId, reason);
        }
        outbox.publish(Topic.AUTH_EVENTS, session.accountId, null,
                new SessionChanged(session.accountId, session.id, "revoked", reason));
    }

    private String newRefreshToken(String sessionId) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String plain = "rt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        RefreshToken token = new RefreshToken();
        token.tokenHash = hash(plain);
        token.sessionId = sessionId;
        token.status = "active";
        token.createdAt = clock.instant();
        token.expiresAt = token.createdAt.plus(config.token().refreshTtl());
        token.persist();
        return plain;
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProblemException invalidGrant(String slug, String title) {
        return new ProblemException(401, slug, title, "Sign in again.");
    }
}
