package dev.lockstep.sim.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The sandbox clock's setting as its owner keeps it (one row). */
@Entity
@Table(name = "clock_state")
public class ClockState extends PanacheEntityBase {

    public static final int SINGLETON = 1;

    @Id
    public Integer id;

    @Column(nullable = false)
    public long revision;

    @Column(name = "offset_millis", nullable = false)
    public long offsetMillis;

    @Column(name = "frozen_at")
    public Instant frozenAt;
}
