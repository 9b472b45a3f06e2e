package dev.lockstep.auth.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A password an account has had, as its Argon2id hash (the current one included). */
@Entity
@Table(name = "password_history")
public class PasswordHistory extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_id", nullable = false, length = 36)
    public String accountId;

    @Column(name = "password_hash", nullable = false, length = 256)
    public String passwordHash;

    @Column(name = "set_at", nullable = false)
    public Instant setAt;

    /** Records that the account's password is now {@code hash}; in the caller's transaction. */
    public static void remember(String accountId, String hash, Instant at) {
        PasswordHistory entry = new PasswordHistory();
        entry.accountId = accountId;
        entry.passwordHash = hash;
        entry.setAt = at;
        entry.persist();
    }

    /** The account's latest {@code limit} passwords, newest first. */
    public static List<PasswordHistory> latest(String accountId, int limit) {
        return find("accountId = ?1 order by setAt desc, id desc", accountId).page(0, limit).list();
    }
}
