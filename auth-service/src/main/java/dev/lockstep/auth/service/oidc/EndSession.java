package dev.lockstep.auth.service.oidc;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import dev.lockstep.auth.domain.LoginSession;
import dev.lockstep.auth.domain.OidcClient;
import dev.lockstep.auth.service.Secrets;
import dev.lockstep.auth.service.SessionService;
import dev.lockstep.auth.service.SigningKeys;
import dev.lockstep.contracts.OidcLoggedOut;
import dev.lockstep.contracts.Topic;
import dev.lockstep.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0): the session named by the
 * {@code id_token_hint} (or the browser's cookie) ends; the browser goes back to a registered
 * post-logout URI with the state, or sees a signed-out page. An unregistered URI is never followed.
 */
@ApplicationScoped
public class EndSession {

    private final SigningKeys keys;

    private final Issuers issuers;

    private final ClientRegistry clients;

    private final SessionService sessions;

    private final Outbox outbox;

    public EndSession(SigningKeys keys, Issuers issuers, ClientRegistry clients, SessionService sessions, Outbox outbox) {
        this.keys = keys;
        this.issuers = issuers;
        this.clients = clients;
        this.sessions = sessions;
        this.outbox = outbox;
    }

    /** Where the browser goes next; null: the signed-out page. */
    public record Outcome(URI redirect) {
    }

    @Transactional
    public Outcome logout(Map<String, List<String>> params, String ssoSecret) {
        LogoutRequest request;
        try {
            request = LogoutRequest.parse(params);
        } catch (ParseException e) {
            throw new HostedLoginException(400, "invalid_request");
        }
        Optional<JwtClaims> hint = request.getIDTokenHint() != null ? verify(request.getIDTokenHint().serialize())
                : Optional.empty();
        if (request.getIDTokenHint() != null && hint.isEmpty()) {
            throw new HostedLoginException(400, "invalid_request");
        }
        String clientId = hint.map(EndSession::audience)
                .orElse(request.getClientID() != null ? request.getClientID().getValue() : null);
        URI back = request.getPostLogoutRedirectionURI();
        if (back != null) {
            Optional<OidcClient> client = clients.find(clientId);
            if (client.isEmpty() || !client.get().postLogoutRedirectUriList().contains(back.toString())) {
                throw new HostedLoginException(400, "invalid_request");
            }
        }
        Optional<LoginSession> session = hint.map(c -> (String) c.getClaimValue("sid"))
                .map(sid -> LoginSession.<LoginSession> findById(sid))
                .or(() -> ssoSecret != null && ssoSecret.length() <= 64 ? LoginSession.ofBrowser(Secrets.sha256(ssoSecret))
                        : Optional.empty());
        session.filter(LoginSession::active).ifPresent(s -> {
            sessions.end(s.id, "logout");
            outbox.publish(Topic.AUTH_EVENTS, s.accountId, null, new OidcLoggedOut(s.accountId, clientId, s.id, "end-session"));
        });
        if (back == null) {
            return new Outcome(null);
        }
        State state = request.getState();
        String query = state != null ? (back.getRawQuery() == null ? "?" : "&") + "state="
                + URLEncoder.encode(state.getValue(), StandardCharsets.UTF_8) : "";
        return new Outcome(URI.create(back + query));
    }

    /** An ID token this provider signed; expiry does not matter for a logout hint. */
    private Optional<JwtClaims> verify(String idToken) {
        try {
            JwtClaims claims = new JwtConsumerBuilder().setVerificationKeyResolver(keys.resolver()).setSkipAllValidators()
                    .build().processToClaims(idToken);
            return issuers.known(claims.getIssuer()) ? Optional.of(claims) : Optional.empty();
        } catch (InvalidJwtException | MalformedClaimException e) {
            return Optional.empty();
        }
    }

    private static String audience(JwtClaims claims) {
        try {
            return claims.getAudience().isEmpty() ? null : claims.getAudience().get(0);
        } catch (MalformedClaimException e) {
            return null;
        }
    }
}
