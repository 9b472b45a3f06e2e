package dev.lockstep.otp.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A one-time code as stored: only its keyed hash, never the code. */
@Entity
@Table(name = "issued_code")
public class IssuedCode extends PanacheEntityBase {

    public enum Status {
        ACTIVE,
        USED,
        SUPERSEDED
    }

    @Id
    @Column(length = 36)
    public String id;

    @Column(name = "challenge_id", nullable = false, length = 36)
    public String challengeId;

    @Column(name = "factor_id", nullable = false, length = 36)
    public String factorId;

    /** HMAC-SHA256 of challenge id and code under the service's pepper, hex. */
    @Column(name = "code_hash", nullable = false, length = 64)
    public String codeHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Status status;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    /** {@code sms} or {@code voice}: whose policy applies. */
    @Column(nullable = false, length = 8)
    public String channel = "sms";

    /** For the same-code resend mode only: the code, sealed, so that it can be sent again. */
    @Column(name = "sealed_code", length = 128)
    public String sealedCode;

    public static List<IssuedCode> ofChallenge(String challengeId) {
        return list("challengeId = ?1 order by issuedAt desc, id", challengeId);
    }
}
