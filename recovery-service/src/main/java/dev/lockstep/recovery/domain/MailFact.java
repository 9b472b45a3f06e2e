package dev.lockstep.recovery.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A mail the account sent, in its simulated history: the form asks for recipients and exact subjects. */
@Entity
@Table(name = "mail_fact")
public class MailFact extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_id", nullable = false, length = 36)
    public String accountId;

    @Column(nullable = false, length = 254)
    public String recipient;

    @Column(nullable = false, length = 256)
    public String subject;

    @Column(name = "sent_at", nullable = false)
    public Instant sentAt;
}
