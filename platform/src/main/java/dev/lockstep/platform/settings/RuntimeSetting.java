package dev.lockstep.platform.settings;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One setting an operator changed at run time, by name; the value is text (JSON for a whole group). */
@Entity
@Table(name = "runtime_setting")
public class RuntimeSetting extends PanacheEntityBase {

    @Id
    @Column(length = 64)
    public String name;

    @Column(name = "setting_value", nullable = false, length = 100000)
    public String value;
}
