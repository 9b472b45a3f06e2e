package dev.lockstep.auth.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** One refresh token of a session, kept as its SHA-256; active until used once or revoked. */
@Entity
@Table(name = "refresh_token")
public class RefreshToken extends PanacheEntityBase {

    @Id
    @Column(name = "token_hash", length = 64)
    public String tokenHash;

    @Column(name = "session_id", nullable = false, length = 36)
    public String sessionId;

    @Convert(converter = Status.Column.class)
    @Column(nullable = false, length = 16)
    public Status status = Status.ACTIVE;

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

    /** Where a refresh token stands; the column holds the lower-case name. */
    public enum Status {
        /** Not used yet: it can be exchanged once. */
        ACTIVE,
        /** Exchanged for the next one: presented again, it is a reuse. */
        USED,
        /** Revoked by its client (RFC 7009). */
        REVOKED;

        /** The {@code status} column: {@code active}, {@code used}, {@code revoked}. */
        @Converter
        public static class Column implements AttributeConverter<Status, String> {

            @Override
            public String convertToDatabaseColumn(Status status) {
                return status != null ? status.name().toLowerCase(Locale.ROOT) : null;
            }

            @Override
            public Status convertToEntityAttribute(String column) {
                return column != null ? Status.valueOf(column.toUpperCase(Locale.ROOT)) : null;
            }
        }
    }

    /** A new token of a session, valid from {@code at} for {@code ttl}. */
    public static RefreshToken issue(String sessionId, String tokenHash, Instant at, Duration ttl) {
        RefreshToken token = new RefreshToken();
        token.tokenHash = tokenHash;
        token.sessionId = sessionId;
        token.createdAt = at;
        token.expiresAt = at.plus(ttl);
        return token;
    }

    /** Exchanged for the next one; only an active token can be. */
    public void use() {
        if (status != Status.ACTIVE) {
            throw new IllegalStateException("refresh token " + status + ", not active");
        }
        status = Status.USED;
    }

    /** Its client revoked it (RFC 7009): it is refused from now on, even as a reuse. */
    public void revoke() {
        status = Status.REVOKED;
    }

    /** Usable now: active and not expired. */
    public boolean activeAt(Instant now) {
        return status == Status.ACTIVE && now.isBefore(expiresAt);
    }
}
