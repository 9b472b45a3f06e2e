package dev.lockstep.otp.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** One code of an account's set of recovery codes, stored as a keyed hash; it works once. */
@Entity
@Table(name = "recovery_code")
public class RecoveryCode extends PanacheEntityBase {

    /** Letters and digits that cannot be mistaken for one another (no 0/o, 1/l/i). */
    public static final String ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
    /** How a code is shown: two groups of five, e.g. {@code k7pmx-2qh9d}. */
    public static final Pattern FORM = Pattern.compile("[" + ALPHABET + "]{5}-?[" + ALPHABET + "]{5}");

    @Id
    @Column(length = 36)
    public String id;

    @Column(name = "account_id", nullable = false, length = 36)
    public String accountId;

    /** The account's recovery-code factor. */
    @Column(name = "factor_id", nullable = false, length = 36)
    public String factorId;

    @Column(name = "code_hash", nullable = false, length = 64)
    public String codeHash;

    @Column(name = "used_at")
    public Instant usedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static List<RecoveryCode> ofAccount(String accountId) {
        return list("accountId", accountId);
    }

    /** The form that is hashed: lower case, without the dash or spaces. */
    public static String canonical(String presented) {
        return presented.trim().toLowerCase(Locale.ROOT).replace("-", "").replace(" ", "");
    }

    /** Whether text looks like a recovery code (either case, with or without the dash). */
    public static boolean looksLikeOne(String presented) {
        return presented != null && FORM.matcher(presented.trim().toLowerCase(Locale.ROOT)).matches();
    }
}
