package dev.lockstep.sim.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A virtual email mailbox, created when the first message for its address arrives. */
@Entity
@Table(name = "mailbox")
public class Mailbox extends PanacheEntityBase {

    /** The address in lower case. */
    @Id
    @Column(length = 254)
    public String address;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** False: the mailbox does not exist any more; mail to it bounces (550). */
    @Column(nullable = false)
    public boolean active = true;

    /** Messages the mailbox holds; more bounce (552). */
    @Column(name = "inbox_capacity", nullable = false)
    public int inboxCapacity = 1000;
}
