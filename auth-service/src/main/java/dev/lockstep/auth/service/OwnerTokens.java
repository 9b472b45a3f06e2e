package dev.lockstep.auth.service;

import dev.lockstep.auth.config.AuthConfig;
import dev.lockstep.auth.domain.LoginSession;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * The account owner's own API is called with the access token a login gave: RS256 under this
 * service's key, its issuer and audience, not expired on the sandbox clock.
 */
@ApplicationScoped
public class OwnerTokens {

    private final SigningKeys keys;

    private final AuthConfig config;

    private final SandboxClock clock;

    public OwnerTokens(SigningKeys keys, AuthConfig config, SandboxClock clock) {
        this.keys = keys;
        this.config = config;
        this.clock = clock;
    }

    /** Who calls: the account ({@code sub}) and the session ({@code sid}) of the token. */
    public record Caller(String accountId, String sessionId) {
    }

    /** The account id ({@code sub}) of a valid bearer token, or a 401 problem. */
    public String accountId(String authorization) {
        return caller(authorization).accountId();
    }

    /** The caller of a valid bearer token whose session is not revoked, or a 401 problem. */
    public Caller caller(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ") || authorization.length() > 8192) {
            throw unauthorized("An access token is required");
        }
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setVerificationKeyResolver(keys.resolver())
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setExpectedIssuer(config.token().issuer())
                .setExpectedAudience(config.token().audience())
                .setRequireExpirationTime()
                .setRequireSubject()
                .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()))
                .build();
        Caller caller;
        try {
            JwtClaims claims = consumer.processToClaims(authorization.substring("Bearer ".length()).trim());
            caller = new Caller(claims.getSubject(), claims.getStringClaimValue("sid"));
        } catch (InvalidJwtException | MalformedClaimException e) {
            throw unauthorized("The access token is not valid");
        }
        LoginSession session = caller.sessionId() != null ? LoginSession.findById(caller.sessionId()) : null;
        if (session == null || session.revokedAt != null) {
            throw unauthorized("The session of this access token has ended");
        }
        return caller;
    }

    private static ProblemException unauthorized(String title) {
        return new ProblemException(401, "invalid-token", title, null).header("WWW-Authenticate", "Bearer");
    }
}
