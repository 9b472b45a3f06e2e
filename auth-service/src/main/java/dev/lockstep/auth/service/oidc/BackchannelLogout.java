package dev.lockstep.auth.service.oidc;

import dev.lockstep.auth.domain.OidcAuthorization;
import dev.lockstep.auth.domain.OidcClient;
import dev.lockstep.auth.service.SigningKeys;
import dev.lockstep.auth.service.faults.IdpFaults;
import dev.lockstep.contracts.OidcBackchannelLogout;
import dev.lockstep.contracts.Topic;
import dev.lockstep.platform.http.OutgoingHttp;
import dev.lockstep.platform.outbox.Outbox;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * OpenID Connect Back-Channel Logout 1.0: when a session ends (logout, operator revoke, refresh token
 * reuse, recovery, escalation), every application that got tokens from it and registered a
 * back-channel URI is sent a signed logout token. Each delivery and its outcome is an event; a
 * {@code drop} fault rule keeps a token from being sent ({@code dropped}).
 */
@ApplicationScoped
public class BackchannelLogout {

    private static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";

    private final SigningKeys keys;

    private final TokenTimes times;

    private final Outbox outbox;

    private final IdpFaults faults;

    private final OutgoingHttp http;

    public BackchannelLogout(SigningKeys keys, TokenTimes times, Outbox outbox, IdpFaults faults, OutgoingHttp http) {
        this.keys = keys;
        this.times = times;
        this.outbox = outbox;
        this.faults = faults;
        this.http = http;
    }

    /** Tells every application of the session; runs in the caller's transaction (the events commit with it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void sessionEnded(String accountId, String sessionId, String correlationId) {
        Map<String, OidcAuthorization> byClient = new LinkedHashMap<>();
        OidcAuthorization.<OidcAuthorization> list("sessionId = ?1 and status = ?2 order by createdAt", sessionId,
                OidcAuthorization.Status.EXCHANGED).forEach(a -> byClient.putIfAbsent(a.clientId, a));
        byClient.values().forEach(grant -> OidcClient.<OidcClient> findByIdOptional(grant.clientId)
                .filter(c -> c.backchannelLogoutUri != null)
                .ifPresent(client -> {
                    if (faults.at("backchannel-logout", client.clientId).isPresent()) {
                        outbox.publish(Topic.AUTH_EVENTS, accountId, correlationId, new OidcBackchannelLogout(accountId,
                                client.clientId, sessionId, "dropped", null));
                        return;
                    }
                    Integer status = post(client, logoutToken(grant.issuer, client.clientId, accountId, sessionId));
                    outbox.publish(Topic.AUTH_EVENTS, accountId, correlationId, new OidcBackchannelLogout(accountId,
                            client.clientId, sessionId, status != null && status / 100 == 2 ? "delivered" : "failed", status));
                }));
    }

    private String logoutToken(String issuer, String clientId, String accountId, String sessionId) {
        SigningKeys.Key key = keys.current();
        Instant now = times.wallNow();
        return Jwt.issuer(issuer)
                .audience(clientId)
                .subject(accountId)
                .issuedAt(now)
                .expiresAt(now.plusSeconds(120))
                .claim("jti", UUID.randomUUID().toString())
                .claim("sid", sessionId)
                .claim("events", Map.of(EVENT, Map.of()))
                .jws()
                .header("typ", "logout+jwt")
                .keyId(key.kid())
                .algorithm(SignatureAlgorithm.RS256)
                .sign(key.privateKey());
    }

    /** The application's HTTP status, or null when it could not be reached in time. */
    private Integer post(OidcClient client, String logoutToken) {
        try {
            return OutgoingHttp.await(http.request(HttpMethod.POST, client.backchannelLogoutUri, Duration.ofSeconds(3))
                    .sendForm(MultiMap.caseInsensitiveMultiMap().add("logout_token", logoutToken))).statusCode();
        } catch (IOException e) {
            return null;
        }
    }
}
