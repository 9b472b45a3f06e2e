package dev.lockstep.auth.service;

import dev.lockstep.auth.config.AuthConfig;
import dev.lockstep.auth.domain.Account;
import dev.lockstep.auth.domain.LoginSession;
import dev.lockstep.auth.domain.RefreshToken;
import dev.lockstep.contracts.SessionChanged;
import dev.lockstep.contracts.Topic;
import dev.lockstep.platform.audit.AuditTrail;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.outbox.Outbox;
import dev.lockstep.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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

    private final TokenIssuer tokens;

    private final AuthConfig config;

    private final SandboxClock clock;

    private final Outbox outbox;

    private final AuditTrail audit;

    public SessionService(TokenIssuer tokens, AuthConfig config, SandboxClock clock, Outbox outbox, AuditTrail audit) {
        this.tokens = tokens;
        this.config = config;
        this.clock = clock;
        this.outbox = outbox;
        this.audit = audit;
    }

    /**
     * Starts a session for a completed login, in the caller's transaction. Its start is no event of its
     * own: the login's {@code login.succeeded} names it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Tokens start(Account account, List<String> amr, String deviceKey) {
        LoginSession session = open(account, amr, deviceKey, null);
        return new Tokens(tokens.issue(account, amr, session.id), apiRefreshToken(session.id), session.id);
    }

    /**
     * Opens a session without handing out tokens (the hosted login: the token endpoint hands them out
     * later); {@code browserHash} names the browser's session cookie, or null.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public LoginSession open(Account account, List<String> amr, String deviceKey, String browserHash) {
        LoginSession session = new LoginSession();
        session.id = UUID.randomUUID().toString();
        session.accountId = account.id;
        session.deviceKey = deviceKey;
        session.amr = String.join(",", amr);
        session.createdAt = clock.instant();
        session.browserHash = browserHash;
        session.persist();
        return session;
    }

    /** Uses a JSON API refresh token up and hands out new tokens; a used one revokes its session. */
    @Transactional(dontRollbackOn = ProblemException.class)
    public Tokens refresh(String presented) {
        Rotated rotated = rotate(presented, null);
        LoginSession session = rotated.session();
        Account account = Account.findById(session.accountId);
        return new Tokens(tokens.issue(account, Arrays.asList(session.amr.split(",")), session.id),
                rotated.refreshToken(), session.id);
    }

    /** A refresh token used up: its session, the row it was, and the new token that replaces it. */
    public record Rotated(LoginSession session, RefreshToken used, String refreshToken) {
    }

    /**
     * Rotation with reuse detection, for the JSON API ({@code clientId} null) and the token endpoint:
     * a token only works for the client it was issued to; one that comes back after use revokes its
     * session. Runs in the caller's transaction, which must not roll back on the problem.
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = ProblemException.class)
    public Rotated rotate(String presented, String clientId) {
        RefreshToken token = presented == null || presented.length() > 128 ? null
                : RefreshToken.findById(Secrets.sha256(presented), LockModeType.PESSIMISTIC_WRITE);
        if (token == null || !Objects.equals(token.clientId, clientId)) {
            throw invalidGrant("invalid-refresh-token", "The refresh token is not known");
        }
        LoginSession session = LoginSession.findById(token.sessionId, LockModeType.PESSIMISTIC_WRITE);
        if (session.revokedAt != null) {
            throw invalidGrant("session-revoked", "The session was revoked");
        }
        if (token.status == RefreshToken.Status.USED) {
            revoke(session, "refresh-token-reuse", null);
            throw invalidGrant("refresh-token-reused", "The refresh token was already used; the session is revoked");
        }
        if (token.status == RefreshToken.Status.REVOKED) {
            throw invalidGrant("refresh-token-revoked", "The refresh token was revoked");
        }
        if (!clock.instant().isBefore(token.expiresAt)) {
            throw invalidGrant("refresh-token-expired", "The refresh token has expired");
        }
        token.use();
        session.lastRefreshedAt = clock.instant();
        String plain = Secrets.random("rt_");
        RefreshToken next = newRefreshRow(session.id, Secrets.sha256(plain));
        next.clientId = token.clientId;
        next.grantId = token.grantId;
        next.scope = token.scope;
        next.persist();
        return new Rotated(session, token, plain);
    }

    /** A refresh token of the token endpoint, for a client and its grant. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String newRefreshToken(String sessionId, String clientId, String grantId, String scope) {
        String plain = Secrets.random("rt_");
        RefreshToken token = newRefreshRow(sessionId, Secrets.sha256(plain));
        token.clientId = clientId;
        token.grantId = grantId;
        token.scope = scope;
        token.persist();
        return plain;
    }

    /** The refresh token a client presents, if it is that client's (for revocation). */
    public Optional<RefreshToken> refreshTokenOf(String presented, String clientId) {
        if (presented == null || presented.length() > 128) {
            return Optional.empty();
        }
        RefreshToken token = RefreshToken.findById(Secrets.sha256(presented));
        return token != null && clientId.equals(token.clientId) ? Optional.of(token) : Optional.empty();
    }

    /** Ends a session (logout, a grant's refresh token revoked), unless it has ended already. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void end(String sessionId, String reason) {
        LoginSession session = LoginSession.findById(sessionId, LockModeType.PESSIMISTIC_WRITE);
        if (session != null && session.revokedAt == null) {
            revoke(session, reason, null);
        }
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

    private String apiRefreshToken(String sessionId) {
        String plain = Secrets.random("rt_");
        newRefreshRow(sessionId, Secrets.sha256(plain)).persist();
        return plain;
    }

    private RefreshToken newRefreshRow(String sessionId, String tokenHash) {
        return RefreshToken.issue(sessionId, tokenHash, clock.instant(), config.token().refreshTtl());
    }

    private static ProblemException invalidGrant(String slug, String title) {
        return new ProblemException(401, slug, title, "Sign in again.");
    }
}
