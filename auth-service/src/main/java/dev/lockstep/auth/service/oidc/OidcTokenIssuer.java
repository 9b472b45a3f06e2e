package dev.lockstep.auth.service.oidc;

import dev.lockstep.auth.config.AuthConfig;
import dev.lockstep.auth.domain.Account;
import dev.lockstep.auth.domain.LoginSession;
import dev.lockstep.auth.service.SigningKeys;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Mints the token endpoint's tokens with SmallRye JWT under the current signing key: RFC 9068
 * access tokens ({@code typ} {@code at+jwt}) and ID tokens. Times follow {@link TokenTimes}.
 */
@ApplicationScoped
public class OidcTokenIssuer {

    private final AuthConfig config;

    private final SigningKeys keys;

    private final TokenTimes times;

    public OidcTokenIssuer(AuthConfig config, SigningKeys keys, TokenTimes times) {
        this.config = config;
        this.keys = keys;
        this.times = times;
    }

    /** What a user grant hands out; {@code idToken} null when the scope has no {@code openid}. */
    public record Minted(String accessToken, String tokenId, long expiresIn, String idToken) {
    }

    /** The grant a token belongs to: the client, its scope, the nonce to echo (first exchange only). */
    public record Grant(String id, String issuer, String clientId, List<String> scopes, String nonce) {
    }

    public Minted forUser(Account account, LoginSession session, Grant grant) {
        SigningKeys.Key key = keys.current();
        Instant iat = times.wallNow();
        long ttl = config.token().ttl().toSeconds();
        Instant exp = iat.plusSeconds(ttl);
        Instant sandboxExp = times.sandboxNow().plusSeconds(ttl);
        Instant authTime = times.wallOf(session.createdAt);
        List<String> amr = Arrays.asList(session.amr.split(","));
        String jti = UUID.randomUUID().toString();
        String access = Jwt.issuer(grant.issuer())
                .subject(account.id)
                .audience(grant.clientId())
                .issuedAt(iat)
                .expiresAt(exp)
                .claim("jti", jti)
                .claim("client_id", grant.clientId())
                .claim("scope", String.join(" ", grant.scopes()))
                .claim("sid", session.id)
                .claim("auth_time", authTime.getEpochSecond())
                .claim("acr", Acr.of(amr))
                .claim("amr", Acr.amrClaim(amr))
                .claim("preferred_username", account.username)
                .claim("lockstep_grant", grant.id())
                .claim("sandbox_exp", sandboxExp.getEpochSecond())
                .jws()
                .header("typ", "at+jwt")
                .keyId(key.kid())
                .algorithm(SignatureAlgorithm.RS256)
                .sign(key.privateKey());
        String idToken = null;
        if (grant.scopes().contains("openid")) {
            JwtClaimsBuilder id = Jwt.issuer(grant.issuer())
                    .audience(grant.clientId())
                    .issuedAt(iat)
                    .expiresAt(exp)
                    .claim("azp", grant.clientId())
                    .claim("auth_time", authTime.getEpochSecond())
                    .claim("acr", Acr.of(amr))
                    .claim("amr", Acr.amrClaim(amr))
                    .claim("sid", session.id)
                    .claim("at_hash", atHash(access))
                    .claim("sandbox_exp", sandboxExp.getEpochSecond());
            for (Map.Entry<String, Object> claim : UserClaims.of(account, grant.scopes()).entrySet()) {
                id.claim(claim.getKey(), claim.getValue());
            }
            if (grant.nonce() != null) {
                id.claim("nonce", grant.nonce());
            }
            idToken = id.jws().keyId(key.kid()).algorithm(SignatureAlgorithm.RS256).sign(key.privateKey());
        }
        return new Minted(access, jti, ttl, idToken);
    }

    /** An access token for a client acting on its own behalf (client credentials): {@code sub} is the client. */
    public Minted forClient(String issuer, String clientId, List<String> scopes) {
        SigningKeys.Key key = keys.current();
        Instant iat = times.wallNow();
        long ttl = config.token().ttl().toSeconds();
        String jti = UUID.randomUUID().toString();
        String access = Jwt.issuer(issuer)
                .subject(clientId)
                .audience(clientId)
                .issuedAt(iat)
                .expiresAt(iat.plusSeconds(ttl))
                .claim("jti", jti)
                .claim("client_id", clientId)
                .claim("scope", String.join(" ", scopes))
                .claim("sandbox_exp", times.sandboxNow().plusSeconds(ttl).getEpochSecond())
                .jws()
                .header("typ", "at+jwt")
                .keyId(key.kid())
                .algorithm(SignatureAlgorithm.RS256)
                .sign(key.privateKey());
        return new Minted(access, jti, ttl, null);
    }

    /** OpenID Connect Core 3.3.2.11: the left half of the access token's SHA-256, base64url. */
    static String atHash(String accessToken) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, digest.length / 2));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
