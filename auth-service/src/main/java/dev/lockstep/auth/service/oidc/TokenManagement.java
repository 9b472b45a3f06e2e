package dev.lockstep.auth.service.oidc;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import dev.lockstep.auth.domain.Account;
import dev.lockstep.auth.domain.LoginSession;
import dev.lockstep.auth.domain.OidcAuthorization;
import dev.lockstep.auth.domain.OidcClient;
import dev.lockstep.auth.domain.RefreshToken;
import dev.lockstep.auth.service.Secrets;
import dev.lockstep.auth.service.SessionService;
import dev.lockstep.contracts.OidcLoggedOut;
import dev.lockstep.contracts.Topic;
import dev.lockstep.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jose4j.jwt.MalformedClaimException;

/**
 * Token introspection (RFC 7662, for confidential clients) and revocation (RFC 7009). Revoking an
 * access or refresh token revokes its grant: every token of that sign-in for that client stops working.
 */
@ApplicationScoped
public class TokenManagement {

    private final TokenGrants grants;

    private final AccessTokens accessTokens;

    private final SessionService sessions;

    private final TokenTimes times;

    private final Outbox outbox;

    public TokenManagement(TokenGrants grants, AccessTokens accessTokens, SessionService sessions, TokenTimes times,
            Outbox outbox) {
        this.grants = grants;
        this.accessTokens = accessTokens;
        this.sessions = sessions;
        this.times = times;
        this.outbox = outbox;
    }

    public Map<String, Object> introspect(HTTPRequest http) {
        TokenIntrospectionRequest request;
        try {
            request = TokenIntrospectionRequest.parse(http);
        } catch (ParseException e) {
            throw TokenGrants.parseError(e);
        }
        if (!(request.getClientAuthentication() instanceof ClientSecretBasic
                || request.getClientAuthentication() instanceof ClientSecretPost)) {
            throw OAuthException.invalidClient();
        }
        grants.authenticate(request.getClientAuthentication(), null);
        String token = request.getToken().getValue();
        Optional<AccessTokens.Active> access = accessTokens.active(token);
        if (access.isPresent()) {
            return accessClaims(access.get());
        }
        return activeRefreshToken(token).map(this::refreshClaims).orElse(Map.of("active", false));
    }

    @Transactional
    public void revoke(HTTPRequest http) {
        TokenRevocationRequest request;
        try {
            request = TokenRevocationRequest.parse(http);
        } catch (ParseException e) {
            throw TokenGrants.parseError(e);
        }
        OidcClient client = grants.authenticate(request.getClientAuthentication(), request.getClientID());
        String token = request.getToken().getValue();
        Optional<RefreshToken> refresh = sessions.refreshTokenOf(token, client.clientId);
        String grantId = refresh.map(r -> r.grantId).orElseGet(() -> accessTokens.verify(token)
                .filter(a -> client.clientId.equals(a.clientId())).map(AccessTokens.Active::grantId).orElse(null));
        refresh.ifPresent(r -> RefreshToken.<RefreshToken> findById(r.tokenHash, LockModeType.PESSIMISTIC_WRITE).revoke());
        OidcAuthorization grant = grantId != null ? OidcAuthorization.findById(grantId, LockModeType.PESSIMISTIC_WRITE) : null;
        if (grant != null && !grant.revoked()) {
            grant.revoke(times.sandboxNow());
            outbox.publish(Topic.AUTH_EVENTS, grant.accountId, grant.correlationId,
                    new OidcLoggedOut(grant.accountId, client.clientId, grant.sessionId, "revocation"));
        }
        // RFC 7009 2.2: an unknown or foreign token is answered like a revoked one
    }

    private Optional<RefreshToken> activeRefreshToken(String token) {
        if (token.length() > 128) {
            return Optional.empty();
        }
        RefreshToken found = RefreshToken.findById(Secrets.sha256(token));
        if (found == null || found.clientId == null || !found.activeAt(times.sandboxNow())) {
            return Optional.empty();
        }
        LoginSession session = LoginSession.findById(found.sessionId);
        OidcAuthorization grant = OidcAuthorization.findById(found.grantId);
        return session != null && session.active() && grant != null && !grant.revoked() ? Optional.of(found) : Optional.empty();
    }

    private Map<String, Object> accessClaims(AccessTokens.Active access) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("active", true);
        body.put("token_type", "Bearer");
        body.put("client_id", access.clientId());
        body.put("scope", String.join(" ", access.scopes()));
        body.put("sub", access.subject());
        try {
            body.put("iss", access.claims().getIssuer());
            body.put("aud", access.claims().getAudience());
            body.put("exp", access.claims().getExpirationTime().getValue());
            body.put("iat", access.claims().getIssuedAt().getValue());
            body.put("jti", access.claims().getJwtId());
            body.put("username", access.claims().getStringClaimValue("preferred_username"));
        } catch (MalformedClaimException e) {
            throw new IllegalStateException("a token this service signed lacks a claim", e);
        }
        if (access.sessionId() != null) {
            body.put("sid", access.sessionId());
        }
        return body;
    }

    private Map<String, Object> refreshClaims(RefreshToken token) {
        LoginSession session = LoginSession.findById(token.sessionId);
        Account account = Account.findById(session.accountId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("active", true);
        body.put("token_type", "refresh_token");
        body.put("client_id", token.clientId);
        body.put("scope", token.scope);
        body.put("sub", account.id);
        body.put("username", account.username);
        body.put("exp", times.wallNow().plus(Duration.between(times.sandboxNow(), token.expiresAt)).getEpochSecond());
        body.put("sid", session.id);
        return body;
    }
}
