package dev.lockstep.otp.domain;

import dev.lockstep.platform.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A second factor of an account: a trusted phone (SMS codes) or an authenticator app (TOTP). */
@Entity
@Table(name = "factor")
public class Factor extends PanacheEntityBase {

    @Id
    @Column(length = 36)
    public String id;

    @Column(name = "account_id", nullable = false, length = 36)
    public String accountId;

    @Column(nullable = false, length = 16)
    public String type;

    /** E.164, for a phone; null for TOTP. */
    @Column(length = 20)
    public String phone;

    /** {@code active}, or {@code pending} for a TOTP enrolment not yet confirmed with a first code. */
    @Column(nullable = false, length = 16)
    public String status = "active";

    /** For TOTP: the secret, encrypted ({@code SecretBox}). */
    @Column(name = "totp_secret", length = 256)
    public String totpSecret;

    @Column(name = "totp_algorithm", length = 8)
    public String totpAlgorithm;

    @Column(name = "totp_digits")
    public Integer totpDigits;

    @Column(name = "totp_period_seconds")
    public Integer totpPeriodSeconds;

    /** For TOTP: the last step whose code was accepted; its code and earlier ones are refused. */
    @Column(name = "totp_last_step")
    public Long totpLastStep;

    /** For a recovery key: its keyed hash. */
    @Column(name = "secret_hash", length = 64)
    public String secretHash;

    /** The account label shown in the authenticator app. */
    @Column(length = 128)
    public String label;

    public Totp.Settings totpSettings() {
        return new Totp.Settings(totpAlgorithm, totpDigits, Duration.ofSeconds(totpPeriodSeconds));
    }

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /**
     * Refuses an account otp-service does not know: every account has its first phone from the
     * moment auth-service announced it, so an account without factors is none of ours.
     */
    public static void requireKnownAccount(String accountId) {
        if (count("accountId", accountId) == 0) {
            throw ProblemException.notFound("account-not-found", "No such account");
        }
    }

    /**
     * Locks every factor row of the account, in one order: issuing a code (from an event) and checking
     * one (from a request) for the same account then run one after the other, so the first of them
     * makes the challenge's row and the second finds it.
     */
    public static List<Factor> lockAccount(String accountId) {
        return find("accountId = ?1 order by id", accountId).withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    public static List<Factor> ofAccount(String accountId) {
        return list("accountId = ?1 order by createdAt, id", accountId);
    }
}
