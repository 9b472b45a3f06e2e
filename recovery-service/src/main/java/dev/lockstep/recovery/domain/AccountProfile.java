package dev.lockstep.recovery.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** What the provider knows about the owner, as a recovery form is scored against it (seeded by operators). */
@Entity
@Table(name = "account_profile")
public class AccountProfile extends PanacheEntityBase {

    @Id
    @Column(name = "account_id", length = 36)
    public String accountId;

    @Column(name = "full_name", length = 128)
    public String fullName;

    @Column(name = "date_of_birth")
    public LocalDate dateOfBirth;

    @Column(length = 64)
    public String country;

    @Column(length = 64)
    public String region;

    @Column(name = "postal_code", length = 16)
    public String postalCode;

    /** Products used, one per line. */
    @Column(length = 512)
    public String products;

    @Column(name = "card_holder", length = 128)
    public String cardHolder;

    @Column(name = "card_last4", length = 4)
    public String cardLast4;

    /** {@code MM/YY}. */
    @Column(name = "card_expiry", length = 5)
    public String cardExpiry;
}
