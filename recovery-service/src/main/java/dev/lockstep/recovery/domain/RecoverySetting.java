package dev.lockstep.recovery.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The sandbox's recovery settings as an operator set them (JSON), over the configured defaults. */
@Entity
@Table(name = "recovery_setting")
public class RecoverySetting extends PanacheEntityBase {

    @Id
    @Column(length = 64)
    public String name;

    @Column(name = "setting_value", nullable = false, length = 4096)
    public String value;
}
