package dev.lockstep.auth.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** A user account. Usernames are unique regardless of case. */
@Entity
@Table(name = "account")
public class Account extends PanacheEntityBase {

    @Id
    @Column(length = 36)
    public String id;

    @Column(nullable = false, unique = true, length = 64)
    public String username;

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public AccountStatus status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;

    /** When support invalidated the password; until a new one is set, no password signs in. */
    @Column(name = "password_invalidated_at")
    public Instant passwordInvalidatedAt;

    /** The phone the account was created with (E.164): a SIM swap on it is a risk signal. */
    @Column(length = 20)
    public String phone;

    /** Where alerts go (new-device sign-ins); null: none are sent. */
    @Column(length = 254)
    public String email;

    /**
     * {@code always}: a second factor at every login; {@code new-device}: only from devices the owner
     * has not trusted yet; {@code off}: password only (a support action).
     */
    @Column(name = "mfa_mode", nullable = false, length = 16)
    public String mfaMode = "always";

    public static String canonical(String username) {
        return username.trim().toLowerCase(Locale.ROOT);
    }

    public static Optional<Account> findByUsername(String username) {
        return find("username", canonical(username)).firstResultOptional();
    }
}
