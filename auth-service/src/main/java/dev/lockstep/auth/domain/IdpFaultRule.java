package dev.lockstep.auth.domain;

import dev.lockstep.platform.fault.FaultSchedule;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A fault rule on one of Lockstep's own OpenID Connect endpoints: which requests it matches, what they
 * get instead of the normal answer, and when it fires (the phone network's schedule: triggers, windows,
 * counts).
 */
@Entity
@Table(name = "idp_fault_rule")
public class IdpFaultRule extends PanacheEntityBase {

    @Id
    @Column(length = 36)
    public String id;

    /** Evaluation order; the first rule that fires decides. */
    @Column(nullable = false)
    public int position;

    @Column(length = 128)
    public String name;

    /** {@code authorize}, {@code token}, {@code userinfo}, {@code jwks}, {@code discovery} or {@code backchannel-logout}. */
    @Column(nullable = false, length = 32)
    public String endpoint;

    /** Only requests of this application; null: every application. */
    @Column(name = "client_id", length = 64)
    public String clientId;

    /** {@code fail}, {@code error}, {@code delay}, {@code hide-current-key} or {@code drop}. */
    @Column(nullable = false, length = 32)
    public String effect;

    /** For {@code fail}: the HTTP status answered. */
    public Integer status;

    /** For {@code fail} and {@code error}: the OAuth error code answered. */
    @Column(length = 64)
    public String error;

    /** For {@code delay}: the fixed wait, or the lower bound of a uniform one. */
    @Column(name = "delay_min_ms")
    public Long delayMinMs;

    @Column(name = "delay_max_ms")
    public Long delayMaxMs;

    /** When it fires (next N, every Nth, a probability; a window of sandbox time) and its counts. */
    @Embedded
    public FaultSchedule schedule = new FaultSchedule();

    @Column(nullable = false)
    public boolean enabled = true;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
