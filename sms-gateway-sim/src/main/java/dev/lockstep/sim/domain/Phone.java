package dev.lockstep.sim.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A virtual phone, created when the first message for its number arrives. */
@Entity
@Table(name = "phone")
public class Phone extends PanacheEntityBase {

    @Id
    @Column(length = 20)
    public String e164;

    /** ISO 3166 region derived from the number (libphonenumber). */
    @Column(nullable = false, length = 2)
    public String region;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** {@code mobile}, {@code fixed-line} or another libphonenumber type; a landline takes no SMS. */
    @Column(name = "line_type", nullable = false, length = 24)
    public String lineType = "mobile";

    /** The carrier: derived from the number's range (libphonenumber), or set by an operator; null if unknown. */
    @Column(length = 64)
    public String carrier;

    /** {@code active}, {@code cancelled} (number out of service) or {@code swapped} (moved to another SIM). */
    @Column(name = "sim_state", nullable = false, length = 16)
    public String sim = "active";

    /** {@code on} or {@code off}. */
    @Column(nullable = false, length = 8)
    public String handset = "on";

    /** {@code ok} or {@code none}. */
    @Column(name = "signal_state", nullable = false, length = 8)
    public String signal = "ok";

    /** ISO 3166 region the phone roams in, or null at home. */
    @Column(length = 2)
    public String roaming;

    /** Whether the home carrier has a roaming agreement where the phone roams; without one it is unreachable. */
    @Column(name = "roaming_agreement", nullable = false)
    public boolean roamingAgreement = true;

    /** The carrier's SMS filter: {@code none}, {@code international} or {@code alphanumeric}. */
    @Column(name = "sms_filter", nullable = false, length = 16)
    public String smsFilter = "none";

    /** The subscriber opted out of messages from the sender (replied STOP). */
    @Column(name = "opted_out", nullable = false)
    public boolean optedOut;

    /** False for numbers that cannot receive SMS at all (some VoIP and data-only numbers). */
    @Column(name = "sms_capable", nullable = false)
    public boolean smsCapable = true;

    /** Messages the handset stores; more are refused. */
    @Column(name = "inbox_capacity", nullable = false)
    public int inboxCapacity = 1000;
}
