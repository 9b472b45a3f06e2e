package dev.lockstep.recovery.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A code a case sent (contact verification, recovery, cancellation): its keyed hash, never the code. */
@Entity
@Table(name = "case_code")
public class CaseCode extends PanacheEntityBase {

    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "case_id", length = 36)
        public String caseId;

        @Column(length = 16)
        public String purpose;

        public Key() {
        }

        public Key(String caseId, String purpose) {
            this.caseId = caseId;
            this.purpose = purpose;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && k.caseId.equals(caseId) && k.purpose.equals(purpose);
        }

        @Override
        public int hashCode() {
            return Objects.hash(caseId, purpose);
        }
    }

    @EmbeddedId
    public Key key;

    @Column(name = "code_hash", nullable = false, length = 64)
    public String codeHash;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "wrong_attempts", nullable = false)
    public int wrongAttempts;

    @Column(name = "used_at")
    public Instant usedAt;
}
