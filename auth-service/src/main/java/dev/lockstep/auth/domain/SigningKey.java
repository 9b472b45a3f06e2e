package dev.lockstep.auth.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The RSA key pair that signs access tokens (PKCS#8 and X.509, base64). */
@Entity
@Table(name = "signing_key")
public class SigningKey extends PanacheEntityBase {

    @Id
    @Column(length = 64)
    public String kid;

    @Column(nullable = false, length = 16)
    public String algorithm;

    @Column(name = "private_key", nullable = false, length = 4096)
    public String privateKey;

    @Column(name = "public_key", nullable = false, length = 2048)
    public String publicKey;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** When a newer key took over (sandbox clock); null for the key that signs now. */
    @Column(name = "retired_at")
    public Instant retiredAt;
}
