package dev.lockstep.auth.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What a successful login started; alive while its refresh tokens rotate, until revoked. */
@Entity
@Table(name = "login_session")
public class LoginSession extends PanacheEntityBase {

    @Id
    @Column(length = 36)
    public String id;

    @Column(name = "account_id", nullable = false, length = 36)
    public String accountId;

    @Column(name = "device_key", length = 64)
    public String deviceKey;

    /** The login's methods, comma-separated ({@code pwd,sms}); refreshed tokens carry them on. */
    @Column(nullable = false, length = 64)
    public String amr;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_refreshed_at")
    public Instant lastRefreshedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoked_reason", length = 64)
    public String revokedReason;

    /** SHA-256 of the hosted login's session cookie (single sign-on); null for JSON API logins. */
    @Column(name = "browser_hash", length = 64)
    public String browserHash;

    public boolean active() {
        return revokedAt == null;
    }

    /** The active session a browser's cookie names, if any. */
    public static Optional<LoginSession> ofBrowser(String browserHash) {
        return find("browserHash = ?1 and revokedAt is null order by createdAt desc", browserHash).firstResultOptional();
    }

    public static List<LoginSession> activeOf(String accountId) {
        return list("accountId = ?1 and revokedAt is null order by createdAt, id", accountId);
    }
}
