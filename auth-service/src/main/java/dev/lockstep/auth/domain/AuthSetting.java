package dev.lockstep.auth.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A sandbox-wide setting an operator changed at run time (it wins over the configuration). */
@Entity
@Table(name = "auth_setting")
public class AuthSetting extends PanacheEntityBase {

    @Id
    @Column(length = 64)
    public String name;

    @Column(name = "text_value", nullable = false, length = 256)
    public String value;
}
