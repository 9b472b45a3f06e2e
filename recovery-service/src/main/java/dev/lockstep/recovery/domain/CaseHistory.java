package dev.lockstep.recovery.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** One step of a case: its status after it, who did it, and what happened. */
@Entity
@Table(name = "case_history")
public class CaseHistory extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id", nullable = false, length = 36)
    public String caseId;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false, length = 24)
    public String status;

    @Column(nullable = false, length = 128)
    public String actor;

    @Column(length = 512)
    public String detail;

    public static List<CaseHistory> of(String caseId) {
        return list("caseId = ?1 order by at, id", caseId);
    }
}
