package dev.lockstep.auth.service;

import dev.lockstep.auth.config.AuthConfig;
import dev.lockstep.auth.domain.Account;
import dev.lockstep.platform.clock.SandboxClock;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Mints RS256 access tokens with SmallRye JWT, dated on the sandbox clock. */
@ApplicationScoped
public class TokenIssuer {

    private final AuthConfig config;

    private final SigningKeys keys;

    private final SandboxClock clock;

    public TokenIssuer(AuthConfig config, SigningKeys keys, SandboxClock clock) {
        this.config = config;
        this.keys = keys;
        this.clock = clock;
    }

    public record IssuedToken(String tokenId, String token, long expiresIn) {
    }

    /** An access token of a session ({@code sid}). */
    public IssuedToken issue(Account account, List<String> amr, String sessionId) {
        SigningKeys.Key key = keys.current();
        Instant now = clock.instant();
        long ttl = config.token().ttl().toSeconds();
        String jti = UUID.randomUUID().toString();
        String token = Jwt.issuer(config.token().issuer())
                .subject(account.id)
                .audience(config.token().audience())
                .issuedAt(now)
                .expiresAt(now.plusSeconds(ttl))
                .claim("jti", jti)
                .claim("amr", amr)
                .claim("sid", sessionId)
                .claim("preferred_username", account.username)
                .jws()
                .keyId(key.kid())
                .algorithm(SignatureAlgorithm.RS256)
                .sign(key.privateKey());
        return new IssuedToken(jti, token, ttl);
    }
}
