package dev.lockstep.auth.service.oidc;

import dev.lockstep.auth.domain.LoginSession;
import dev.lockstep.auth.domain.OidcAuthorization;
import dev.lockstep.auth.service.SigningKeys;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * Whether an access token of the token endpoint is active: signed by this provider as an
 * {@code at+jwt}, not expired on the wall clock nor on the sandbox clock ({@code sandbox_exp}), its
 * session not ended and its grant not revoked. Userinfo, introspection and revocation ask here.
 */
@ApplicationScoped
public class AccessTokens {

    private final SigningKeys keys;

    private final Issuers issuers;

    private final TokenTimes times;

    public AccessTokens(SigningKeys keys, Issuers issuers, TokenTimes times) {
        this.keys = keys;
        this.issuers = issuers;
        this.times = times;
    }

    /** An active token's facts. {@code sessionId} and {@code grantId} are null for client credentials. */
    public record Active(String subject, String clientId, String sessionId, String grantId, List<String> scopes,
            JwtClaims claims) {
    }

    /** The token's facts if it is active now. */
    public Optional<Active> active(String token) {
        Optional<Active> signed = verify(token);
        if (signed.isEmpty()) {
            return Optional.empty();
        }
        Active active = signed.get();
        try {
            Long sandboxExp = active.claims().getClaimValue("sandbox_exp", Long.class);
            if (sandboxExp == null || times.sandboxNow().getEpochSecond() >= sandboxExp) {
                return Optional.empty();
            }
        } catch (MalformedClaimException e) {
            return Optional.empty();
        }
        if (active.sessionId() != null) {
            LoginSession session = LoginSession.findById(active.sessionId());
            if (session == null || !session.active()) {
                return Optional.empty();
            }
        }
        if (active.grantId() != null) {
            OidcAuthorization grant = OidcAuthorization.findById(active.grantId());
            if (grant == null || grant.revoked()) {
                return Optional.empty();
            }
        }
        return signed;
    }

    /** Signature, issuer, type and wall-clock expiry only (the revocation endpoint finds the grant with it). */
    public Optional<Active> verify(String token) {
        if (token == null || token.length() > 8192) {
            return Optional.empty();
        }
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setVerificationKeyResolver(keys.resolver())
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setExpectedType(true, "at+jwt")
                .setExpectedIssuers(true, issuers.all().toArray(String[]::new))
                .setSkipDefaultAudienceValidation()
                .setRequireExpirationTime()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds(60)
                .setEvaluationTime(NumericDate.fromMilliseconds(times.wallNow().toEpochMilli()))
                .build();
        try {
            JwtClaims claims = consumer.processToClaims(token);
            String scope = claims.getStringClaimValue("scope");
            return Optional.of(new Active(claims.getSubject(), claims.getStringClaimValue("client_id"),
                    claims.getStringClaimValue("sid"), claims.getStringClaimValue("lockstep_grant"),
                    UserClaims.known(scope), claims));
        } catch (InvalidJwtException | MalformedClaimException e) {
            return Optional.empty();
        }
    }
}
