package dev.lockstep.auth.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** One login attempt with its client context, its outcome and the risk it was given. */
@Entity
@Table(name = "login_attempt")
public class LoginAttempt extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Null for a username no account has. */
    @Column(name = "account_id", length = 36)
    public String accountId;

    @Column(nullable = false, length = 64)
    public String username;

    @Column(nullable = false)
    public Instant at;

    @Column(length = 45)
    public String ip;

    @Column(length = 2)
    public String country;

    @Column(length = 64)
    public String city;

    public Double latitude;

    public Double longitude;

    @Column(name = "device_key", length = 64)
    public String deviceKey;

    @Column(name = "user_agent", length = 256)
    public String userAgent;

    /**
     * {@code unknown-user}, {@code wrong-password}, {@code locked}, {@code blocked}, {@code password-ok}
     * (a challenge or a token followed).
     */
    @Column(nullable = false, length = 32)
    public String outcome;

    @Column(name = "risk_score")
    public Integer riskScore;

    @Column(name = "risk_level", length = 8)
    public String riskLevel;

    /** Comma-separated signal names. */
    @Column(length = 256)
    public String signals;

    @Column(length = 16)
    public String action;

    public boolean failed() {
        return !"password-ok".equals(outcome);
    }

    /** The newest attempts on an account, newest first. */
    public static List<LoginAttempt> recent(String accountId, int limit) {
        return find("accountId = ?1 order by at desc, id desc", accountId).page(0, limit).list();
    }
}
