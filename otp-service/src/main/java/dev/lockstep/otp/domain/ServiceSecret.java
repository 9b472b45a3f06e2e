package dev.lockstep.otp.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A secret the service made for itself on first start (base64), e.g. the code-hash pepper. */
@Entity
@Table(name = "service_secret")
public class ServiceSecret extends PanacheEntityBase {

    @Id
    @Column(length = 64)
    public String name;

    @Column(name = "secret_value", nullable = false, length = 256)
    public String value;
}
