package dev.lockstep.sim.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A number the simulator keeps between restarts, such as the sandbox seed. */
@Entity
@Table(name = "sim_setting")
public class SimSetting extends PanacheEntityBase {

    public static final String SEED = "seed";

    @Id
    @Column(length = 64)
    public String name;

    @Column(name = "long_value", nullable = false)
    public long value;
}
