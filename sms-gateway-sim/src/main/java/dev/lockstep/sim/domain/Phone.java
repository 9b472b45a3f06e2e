package dev.lockstep.sim.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A virtual phone, created when the first message for its number arrives. */
@Entity
@Table(name = "phone")
public class Phone extends PanacheEntityBase {

    @Id
    @Column(length = 20)
    public String e164;

    /** ISO 3166 region derived from the number (libphonenumber). */
    @Column(nullable = false, length = 2)
    public String region;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
