package dev.lockstep.recovery.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One recovery form as submitted: its score is fixed at once, its verdict is sent when due. */
@Entity
@Table(name = "form_submission")
public class FormSubmission extends PanacheEntityBase {

    @Id
    @Column(length = 36)
    public String id;

    @Column(name = "case_id", nullable = false, length = 36)
    public String caseId;

    @Column(nullable = false, length = 64)
    public String username;

    /** The sandbox day (UTC) it was submitted on: the per-day limit counts these. */
    @Column(name = "virtual_day", nullable = false, length = 10)
    public String virtualDay;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    @Column(name = "verdict_due_at", nullable = false)
    public Instant verdictDueAt;

    @Column(nullable = false)
    public int score;

    @Column(nullable = false)
    public int threshold;

    /** Points per field, e.g. {@code name=10 previousPasswords=25}; for operators. */
    @Column(name = "field_scores", nullable = false, length = 1024)
    public String fieldScores;

    /** Null until sent; then {@code accepted} or {@code rejected}. */
    @Column(length = 16)
    public String verdict;
}
