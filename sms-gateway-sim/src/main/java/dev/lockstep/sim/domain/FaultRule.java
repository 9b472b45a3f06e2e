package dev.lockstep.sim.domain;

import dev.lockstep.platform.fault.FaultSchedule;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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

    /** An E.164 number or an email address. */
    @Column(name = "match_number", length = 254)
    public String matchAddress;

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

    /**
     * {@code drop}, {@code reject}, {@code delay}, {@code duplicate}, {@code reorder}, {@code truncate},
     * {@code corrupt} or {@code throttle}.
     */
    @Column(nullable = false, length = 16)
    public String effect;

    /** For {@code reject} and {@code throttle}: the carrier error code to fail with. */
    @Column(name = "error_code")
    public Integer errorCode;

    /**
     * For {@code delay}: the fixed delay, the lower bound of a uniform one, or the median of a
     * log-normal one; for {@code reorder}: the longest a message is held.
     */
    @Column(name = "delay_min_ms")
    public Long delayMinMs;

    /** Upper bound of a uniform delay; cap of a log-normal one. */
    @Column(name = "delay_max_ms")
    public Long delayMaxMs;

    /** {@code fixed}, {@code uniform} or {@code log-normal}. */
    @Column(name = "delay_distribution", length = 16)
    public String delayDistribution;

    /** Spread of a log-normal delay (WireMock's sigma). */
    @Column(name = "delay_sigma")
    public Double delaySigma;

    /** For {@code truncate}: characters kept. */
    @Column(name = "text_length")
    public Integer textLength;

    /** For {@code throttle}: messages per minute of sandbox time that pass; the rest fail. */
    @Column(name = "per_minute")
    public Integer perMinute;

    /** For {@code throttle}: the sandbox-clock minute being counted, and the count so far. */
    @Column(name = "throttle_minute")
    public Instant throttleMinute;

    @Column(name = "throttle_count")
    public Integer throttleCount;

    /** When it fires (next N, every Nth, a probability; a window of sandbox time) and its counts. */
    @Embedded
    public FaultSchedule schedule = new FaultSchedule();

    /** A switched-off rule matches nothing and keeps its counts. */
    @Column(nullable = false)
    public boolean enabled = true;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
