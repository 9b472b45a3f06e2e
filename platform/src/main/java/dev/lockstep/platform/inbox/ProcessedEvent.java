package dev.lockstep.platform.inbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The id of an event this service has already handled; a repeat is ignored. */
@Entity
@Table(name = "processed_event")
public class ProcessedEvent extends PanacheEntityBase {

    @Id
    @Column(name = "event_id", length = 64)
    public String eventId;

    @Column(name = "event_type", nullable = false, length = 128)
    public String eventType;

    @Column(name = "processed_at", nullable = false)
    public Instant processedAt;
}
