package dev.lockstep.auth.service.oidc;

import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import dev.lockstep.auth.domain.Account;
import dev.lockstep.auth.domain.LoginSession;
import dev.lockstep.auth.domain.OidcAuthorization;
import dev.lockstep.auth.domain.OidcClient;
import dev.lockstep.auth.service.Secrets;
import dev.lockstep.auth.service.SessionService;
import dev.lockstep.contracts.OidcTokenIssued;
import dev.lockstep.contracts.OidcTokenRefused;
import dev.lockstep.contracts.Topic;
import dev.lockstep.platform.outbox.Outbox;
import dev.lockstep.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The token endpoint (RFC 6749 section 3.2, OpenID Connect Core 3.1.3): the authorization code grant
 * with PKCE (a code works once; a second use revokes the tokens it gave), refresh with rotation (a
 * reused refresh token revokes the session, as the JSON API does) and client credentials.
 */
@ApplicationScoped
public class TokenGrants {

    private final ClientRegistry clients;

    private final SessionService sessions;

    private final OidcTokenIssuer issuer;

    private final TokenTimes times;

    private final Outbox outbox;

    private final Issuers issuers;

    public TokenGrants(ClientRegistry clients, SessionService sessions, OidcTokenIssuer issuer, TokenTimes times, Outbox outbox,
            Issuers issuers) {
        this.clients = clients;
        this.sessions = sessions;
        this.issuer = issuer;
        this.times = times;
        this.outbox = outbox;
        this.issuers = issuers;
    }

    /** The token response's members (RFC 6749 5.1). */
    @Transactional(dontRollbackOn = OAuthException.class)
    public Map<String, Object> exchange(HTTPRequest http) {
        TokenRequest request;
        try {
            request = TokenRequest.parse(http);
        } catch (ParseException e) {
            throw parseError(e);
        }
        OidcClient client = authenticate(request.getClientAuthentication(), request.getClientID());
        AuthorizationGrant grant = request.getAuthorizationGrant();
        if (!ClientRegistry.GRANT_TYPES.contains(grant.getType().getValue())) {
            throw new OAuthException(400, "unsupported_grant_type",
                    "Supported: authorization_code, refresh_token, client_credentials");
        }
        if (!client.allows(grant.getType().getValue())) {
            throw new OAuthException(400, "unauthorized_client", "This client may not use the " + grant.getType() + " grant");
        }
        if (grant instanceof AuthorizationCodeGrant code) {
            return authorizationCode(client, code);
        }
        if (grant instanceof RefreshTokenGrant refresh) {
            return refresh(client, refresh.getRefreshToken().getValue());
        }
        if (grant instanceof ClientCredentialsGrant) {
            List<String> scopes = request.getScope() != null ? request.getScope().toStringList() : List.of();
            OidcTokenIssuer.Minted minted = issuer.forClient(issuers.of(http.getURI()), client.clientId,
                    scopes.stream().limit(20).toList());
            outbox.publish(Topic.AUTH_EVENTS, client.clientId, null,
                    new OidcTokenIssued(null, client.clientId, "client_credentials", null, minted.tokenId()));
            return response(minted, null, String.join(" ", scopes));
        }
        throw new IllegalStateException("a supported grant type without a handler: " + grant.getType());
    }

    /** The client a request authenticated as ({@code client_secret_basic}, {@code client_secret_post} or a public id). */
    public OidcClient authenticate(ClientAuthentication authentication, ClientID publicId) {
        if (authentication instanceof ClientSecretBasic basic) {
            return clients.authenticate(basic.getClientID().getValue(), basic.getClientSecret().getValue());
        }
        if (authentication instanceof ClientSecretPost post) {
            return clients.authenticate(post.getClientID().getValue(), post.getClientSecret().getValue());
        }
        if (authentication == null && publicId != null) {
            return clients.authenticate(publicId.getValue(), null);
        }
        throw OAuthException.invalidClient();
    }

    private Map<String, Object> authorizationCode(OidcClient client, AuthorizationCodeGrant grant) {
        String code = grant.getAuthorizationCode().getValue();
        OidcAuthorization authorization = code.length() > 128 ? null
                : OidcAuthorization.<OidcAuthorization> find(
                        "codeHash", Secrets.sha256(code)).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (authorization == null || !authorization.clientId.equals(client.clientId)) {
            throw OAuthException.invalidGrant("The code is not known");
        }
        if (!authorization.exchange()) {
            // OAuth 2.0 (RFC 6749 4.1.2): a code used twice revokes the tokens issued for it
            authorization.revoke(times.sandboxNow());
            outbox.publish(Topic.AUTH_EVENTS, authorization.accountId, authorization.correlationId,
                    new OidcTokenRefused(authorization.accountId, client.clientId, "authorization_code", "code-reused"));
            throw OAuthException.invalidGrant("The code was already used; the tokens it gave are revoked");
        }
        if (!times.sandboxNow().isBefore(authorization.codeExpiresAt)) {
            throw OAuthException.invalidGrant("The code has expired");
        }
        if (grant.getRedirectionURI() == null || !authorization.redirectUri.equals(grant.getRedirectionURI().toString())) {
            throw OAuthException.invalidGrant("The redirect_uri differs from the authorization request's");
        }
        if (authorization.codeChallenge != null) {
            if (grant.getCodeVerifier() == null || !CodeChallenge.compute(CodeChallengeMethod.S256, grant.getCodeVerifier())
                    .getValue().equals(authorization.codeChallenge)) {
                throw OAuthException.invalidGrant("The PKCE code_verifier does not match the code_challenge");
            }
        } else if (grant.getCodeVerifier() != null) {
            throw OAuthException.invalidGrant("No code_challenge was sent with the authorization request");
        }
        LoginSession session = LoginSession.findById(authorization.sessionId);
        if (session == null || !session.active()) {
            throw OAuthException.invalidGrant("The sign-in's session has ended");
        }
        List<String> scopes = List.of(authorization.scope.split(" "));
        OidcTokenIssuer.Minted minted = issuer.forUser(Account.findById(session.accountId), session,
                new OidcTokenIssuer.Grant(authorization.id, authorization.issuer, client.clientId, scopes,
                        authorization.nonce));
        String refresh = client.allows("refresh_token")
                ? sessions.newRefreshToken(session.id, client.clientId, authorization.id, authorization.scope)
                : null;
        outbox.publish(Topic.AUTH_EVENTS, session.accountId, authorization.correlationId,
                new OidcTokenIssued(session.accountId, client.clientId, "authorization_code", session.id, minted.tokenId()));
        return response(minted, refresh, authorization.scope);
    }

    private Map<String, Object> refresh(OidcClient client, String presented) {
        SessionService.Rotated rotated;
        try {
            rotated = sessions.rotate(presented, client.clientId);
        } catch (ProblemException e) {
            outbox.publish(Topic.AUTH_EVENTS, client.clientId, null,
                    new OidcTokenRefused(null, client.clientId, "refresh_token", e.slug()));
            throw OAuthException.invalidGrant(e.title());
        }
        OidcAuthorization grant = OidcAuthorization.findById(rotated.used().grantId);
        if (grant == null || grant.revoked()) {
            throw OAuthException.invalidGrant("The grant of this refresh token was revoked");
        }
        LoginSession session = rotated.session();
        List<String> scopes = List.of(rotated.used().scope.split(" "));
        OidcTokenIssuer.Minted minted = issuer.forUser(Account.findById(session.accountId), session,
                new OidcTokenIssuer.Grant(grant.id, grant.issuer, client.clientId, scopes, null));
        outbox.publish(Topic.AUTH_EVENTS, session.accountId, grant.correlationId,
                new OidcTokenIssued(session.accountId, client.clientId, "refresh_token", session.id, minted.tokenId()));
        return response(minted, rotated.refreshToken(), rotated.used().scope);
    }

    private static Map<String, Object> response(OidcTokenIssuer.Minted minted, String refreshToken, String scope) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", minted.accessToken());
        body.put("token_type", "Bearer");
        body.put("expires_in", minted.expiresIn());
        if (refreshToken != null) {
            body.put("refresh_token", refreshToken);
        }
        if (minted.idToken() != null) {
            body.put("id_token", minted.idToken());
        }
        if (scope != null && !scope.isEmpty()) {
            body.put("scope", scope);
        }
        return body;
    }

    /** A request Nimbus could not read: its OAuth error (invalid_request, unsupported_grant_type, invalid_client…). */
    static OAuthException parseError(ParseException e) {
        if (e.getErrorObject() == null || e.getErrorObject().getCode() == null) {
            return OAuthException.invalidRequest(e.getMessage());
        }
        int status = e.getErrorObject().getHTTPStatusCode() > 0 ? e.getErrorObject().getHTTPStatusCode() : 400;
        return new OAuthException(status, e.getErrorObject().getCode(), e.getMessage());
    }
}
