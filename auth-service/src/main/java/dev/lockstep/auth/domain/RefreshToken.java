package dev.lockstep.auth.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One refresh token of a session, kept as its SHA-256; {@code active} until used once. */
@Entity
@Table(name = "refresh_token")
public class RefreshToken extends PanacheEntityBase {

    @Id
    @Column(name = "token_hash", length = 64)
    public String tokenHash;

    @Column(name = "session_id", nullable = false, length = 36)
    public String sessionId;

    /** {@code active} or {@code used}. */
    @Column(nullable = false, length = 16)
    public String status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    /** The OAuth client it was issued to; null for the JSON login API's tokens. */
    @Column(name = "client_id", length = 64)
    public String clientId;

    /** The authorization (grant) it belongs to; null for the JSON login API's tokens. */
    @Column(name = "grant_id", length = 43)
    public String grantId;

    /** The scope granted, space-separated; null for the JSON login API's tokens. */
    @Column(length = 512)
    public String scope;
}
