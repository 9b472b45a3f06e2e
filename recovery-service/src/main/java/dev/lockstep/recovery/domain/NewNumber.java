package dev.lockstep.recovery.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A number a recovery was asked to send a code to: for which account name, from which address, when. */
@Entity
@Table(name = "recovery_new_number")
public class NewNumber extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The account name as typed, lower-cased (which may lengthen it); whether or not an account has it. */
    @Column(nullable = false, length = 256)
    public String username;

    @Column(nullable = false, length = 20)
    public String number;

    /** The caller's address (the peer, or what a trusted proxy forwarded). */
    @Column(length = 64)
    public String address;

    @Column(nullable = false)
    public Instant at;
}
