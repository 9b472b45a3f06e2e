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

/** The second step of a login that passed the password: open until a right code or its expiry. */
@Entity
@Table(name = "login_challenge")
public class LoginChallenge extends PanacheEntityBase {

    public enum Status {
        PENDING,
        COMPLETED
    }

    @Id
    @Column(length = 36)
    public String id;

    @Column(name = "account_id", nullable = false, length = 36)
    public String accountId;

    @Column(name = "factor_id", nullable = false, length = 36)
    public String factorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Status status;

    /** Codes sent so far, the first included. */
    @Column(nullable = false)
    public int sends;

    /** The device the login came from, as the client named it; null when it named none. */
    @Column(name = "device_key", length = 64)
    public String deviceKey;

    /** When the last code was asked for (sandbox clock). */
    @Column(name = "last_sent_at")
    public Instant lastSentAt;

    @Column(name = "correlation_id", nullable = false, length = 36)
    public String correlationId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Version
    public long version;

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
