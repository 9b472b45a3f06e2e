package dev.lockstep.auth.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A device an account signed in from, named by the client's device id; trusted once the owner said so. */
@Entity
@Table(name = "device")
public class Device extends PanacheEntityBase {

    @Id
    @Column(length = 36)
    public String id;

    @Column(name = "account_id", nullable = false, length = 36)
    public String accountId;

    /** The identifier the client sends with its logins. */
    @Column(name = "device_key", nullable = false, length = 64)
    public String deviceKey;

    /** When the owner trusted it (after a second factor); null: not trusted. */
    @Column(name = "trusted_at")
    public Instant trustedAt;

    @Column(name = "first_seen", nullable = false)
    public Instant firstSeen;

    @Column(name = "last_seen", nullable = false)
    public Instant lastSeen;

    public static Optional<Device> of(String accountId, String deviceKey) {
        return find("accountId = ?1 and deviceKey = ?2", accountId, deviceKey).firstResultOptional();
    }

    public static List<Device> ofAccount(String accountId) {
        return list("accountId = ?1 order by firstSeen, id", accountId);
    }
}
