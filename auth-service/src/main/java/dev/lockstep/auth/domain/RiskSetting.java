package dev.lockstep.auth.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The sandbox's risk settings as one JSON document (row 1), changed through the admin API. */
@Entity
@Table(name = "risk_setting")
public class RiskSetting extends PanacheEntityBase {

    public static final int SANDBOX = 1;

    @Id
    public Integer id;

    @Column(nullable = false, length = 100000)
    public String body;
}
