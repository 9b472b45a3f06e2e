package dev.lockstep.auth.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** What the simulated network last said about a phone's SIM, and when it changed (sandbox clock). */
@Entity
@Table(name = "phone_risk")
public class PhoneRisk extends PanacheEntityBase {

    @Id
    @Column(length = 20)
    public String phone;

    /** {@code active}, {@code cancelled} or {@code swapped}. */
    @Column(nullable = false, length = 16)
    public String sim;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;
}
