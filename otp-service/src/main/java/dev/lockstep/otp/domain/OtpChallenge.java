package dev.lockstep.otp.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** otp-service's side of a login challenge: which factor, and how many wrong codes so far. */
@Entity
@Table(name = "otp_challenge")
public class OtpChallenge extends PanacheEntityBase {

    @Id
    @Column(name = "challenge_id", length = 36)
    public String challengeId;

    @Column(name = "account_id", nullable = false, length = 36)
    public String accountId;

    @Column(name = "factor_id", nullable = false, length = 36)
    public String factorId;

    @Column(name = "wrong_attempts", nullable = false)
    public int wrongAttempts;

    @Column(name = "correlation_id", length = 64)
    public String correlationId;

    /** When the challenge began (sandbox clock); null for challenges from before this was kept. */
    @Column(name = "created_at")
    public Instant createdAt;

    /** The verify attempt whose check answered "valid" (auth-service's id), or null. */
    @Column(name = "valid_attempt_id", length = 64)
    public String validAttemptId;

    /** What that right code was checked against ({@code sms}, {@code totp}, …). */
    @Column(name = "valid_factor_type", length = 16)
    public String validFactorType;

    @Version
    public long version;

    /** The challenge's row, locked; made on first use (by the first code, or a check against an app). */
    public static OtpChallenge lockedOrNew(String challengeId, String accountId, String factorId, String correlationId,
            Instant now) {
        OtpChallenge challenge = findById(challengeId, LockModeType.PESSIMISTIC_WRITE);
        if (challenge == null) {
            challenge = new OtpChallenge();
            challenge.challengeId = challengeId;
            challenge.accountId = accountId;
            challenge.correlationId = correlationId;
            challenge.factorId = factorId;
            challenge.createdAt = now;
            challenge.persist();
        } else if (challenge.correlationId == null) {
            challenge.correlationId = correlationId; // a check came before the challenge's event
        }
        return challenge;
    }
}
