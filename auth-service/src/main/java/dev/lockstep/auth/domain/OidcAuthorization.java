package dev.lockstep.auth.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One trip of a user through the authorization endpoint: the request as the application made it,
 * the hosted login's progress, the code, and after the exchange the grant its tokens belong to. It
 * refuses moves its state does not allow (a second exchange, a code after expiry).
 */
@Entity
@Table(name = "oidc_authorization")
public class OidcAuthorization extends PanacheEntityBase {

    /** {@code LOGIN}: the hosted pages are open; {@code CODE_ISSUED}: back at the app; {@code EXCHANGED}: tokens given. */
    public enum Status {
        LOGIN,
        CODE_ISSUED,
        EXCHANGED
    }

    /** Random, 256 bits, base64url: names the sign-in in the hosted pages' forms. */
    @Id
    @Column(length = 43)
    public String id;

    /** SHA-256 of the cookie that ties the sign-in to the browser that started it. */
    @Column(name = "browser_hash", nullable = false, length = 64)
    public String browserHash;

    @Column(name = "client_id", nullable = false, length = 64)
    public String clientId;

    @Column(name = "redirect_uri", nullable = false, length = 1000)
    public String redirectUri;

    @Column(nullable = false, length = 512)
    public String scope;

    @Column(length = 512)
    public String state;

    @Column(length = 512)
    public String nonce;

    /** PKCE S256 challenge; null when the (confidential) client sent none. */
    @Column(name = "code_challenge", length = 128)
    public String codeChallenge;

    /** The {@code acr} the sign-in must reach; null: whatever the account's MFA mode gives. */
    @Column(name = "acr_required", length = 64)
    public String acrRequired;

    @Column(name = "max_age")
    public Integer maxAge;

    @Column(name = "login_hint", length = 128)
    public String loginHint;

    @Column(name = "ui_locale", length = 16)
    public String uiLocale;

    @Column(name = "correlation_id", nullable = false, length = 36)
    public String correlationId;

    /** The issuer the application reached the provider under (its tokens carry it). */
    @Column(nullable = false, length = 256)
    public String issuer;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Status status = Status.LOGIN;

    /** The login challenge the password step opened (second factor pending). */
    @Column(name = "challenge_id", length = 36)
    public String challengeId;

    @Column(name = "account_id", length = 36)
    public String accountId;

    @Column(name = "session_id", length = 36)
    public String sessionId;

    @Column(name = "code_hash", length = 64)
    public String codeHash;

    @Column(name = "code_expires_at")
    public Instant codeExpiresAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** When the hosted login stops taking input (sandbox clock). */
    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    /** Set when the grant was revoked (a code used twice, a revoked refresh token): its tokens stop working. */
    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Version
    public long version;

    public boolean loginOpenAt(Instant now) {
        return status == Status.LOGIN && now.isBefore(expiresAt);
    }

    /** The sign-in is done: a single-use code for the session goes back to the app. */
    public void issueCode(String accountId, String sessionId, String codeHash, Instant expiresAt) {
        if (status != Status.LOGIN) {
            throw new IllegalStateException("a code was already issued for " + id);
        }
        this.status = Status.CODE_ISSUED;
        this.accountId = accountId;
        this.sessionId = sessionId;
        this.codeHash = codeHash;
        this.codeExpiresAt = expiresAt;
    }

    /** The code is exchanged for tokens: false when it was already (then the grant must be revoked). */
    public boolean exchange() {
        if (status != Status.CODE_ISSUED) {
            return false;
        }
        status = Status.EXCHANGED;
        return true;
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
