package dev.lockstep.recovery.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An account as recovery-service knows it, from auth-service's events. */
@Entity
@Table(name = "known_account")
public class KnownAccount extends PanacheEntityBase {

    @Id
    @Column(name = "account_id", length = 36)
    public String accountId;

    @Column(nullable = false, length = 64)
    public String username;

    @Column(name = "known_at", nullable = false)
    public Instant knownAt;
}
