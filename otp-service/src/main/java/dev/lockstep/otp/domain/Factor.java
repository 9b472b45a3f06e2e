package dev.lockstep.otp.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A second factor of an account: for now a trusted phone that receives SMS codes. */
@Entity
@Table(name = "factor")
public class Factor extends PanacheEntityBase {

    @Id
    @Column(length = 36)
    public String id;

    @Column(name = "account_id", nullable = false, length = 36)
    public String accountId;

    @Column(nullable = false, length = 16)
    public String type;

    /** E.164. */
    @Column(nullable = false, length = 20)
    public String phone;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static List<Factor> ofAccount(String accountId) {
        return list("accountId = ?1 order by createdAt, id", accountId);
    }
}
