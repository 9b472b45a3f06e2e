package dev.lockstep.sim.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One fault rule: which messages it matches, what it does to them, and when it fires (the next N,
 * every Nth, or with a probability), optionally only inside a window of sandbox time.
 */
@Entity
@Table(name = "fault_rule")
public class FaultRule extends PanacheEntityBase {

    @Id
    @Column(length = 36)
    public String id;

    /** Evaluation order; the first rule that fires decides. */
    @Column(nullable = false)
    public int position;

    @Column(length = 128)
    public String name;

    @Column(name = "match_number", length = 20)
    public String matchNumber;

    @Column(name = "match_prefix", length = 20)
    public String matchPrefix;

    @Column(name = "match_country", length = 2)
    public String matchCountry;

    @Column(name = "match_carrier", length = 64)
    public String matchCarrier;

    @Column(name = "match_channel", length = 16)
    public String matchChannel;

    @Column(name = "match_kind", length = 32)
    public String matchKind;

    /** {@code drop}, {@code reject}, {@code delay} or {@code duplicate}. */
    @Column(nullable = false, length = 16)
    public String effect;

    /** For {@code reject}: the carrier error code to fail with. */
    @Column(name = "error_code")
    public Integer errorCode;

    /** For {@code delay}: the delay, or its lower bound when {@code delayMaxMs} is set (uniform). */
    @Column(name = "delay_min_ms")
    public Long delayMinMs;

    @Column(name = "delay_max_ms")
    public Long delayMaxMs;

    /** Fires for the next N matching messages, then no more. */
    @Column(name = "trigger_next")
    public Integer triggerNext;

    /** Fires for every Nth matching message. */
    @Column(name = "trigger_every")
    public Integer triggerEvery;

    /** Fires with this probability (0 to 1), drawn from the sandbox seed. */
    @Column(name = "trigger_probability")
    public Double triggerProbability;

    @Column(name = "window_from")
    public Instant windowFrom;

    @Column(name = "window_until")
    public Instant windowUntil;

    /** Messages that matched (inside the window). */
    @Column(nullable = false)
    public long matched;

    /** Messages the rule acted on. */
    @Column(nullable = false)
    public long hits;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
