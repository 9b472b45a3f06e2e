package dev.lockstep.sim.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A message on its way to, or in the inbox of, a virtual phone. */
@Entity
@Table(name = "message")
public class Message extends PanacheEntityBase {

    private static final Pattern CODE = Pattern.compile("(?<![0-9])([0-9]{4,8})(?![0-9])");

    /** Arrival order across the whole simulator. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(nullable = false, unique = true, length = 64)
    public String id;

    @Column(nullable = false, length = 20)
    public String phone;

    @Column(nullable = false, length = 16)
    public String channel;

    @Column(nullable = false, length = 64)
    public String sender;

    @Column(nullable = false, length = 2000)
    public String text;

    /** The one-time code found in the text, for test automation; null when there is none. */
    @Column(length = 8)
    public String code;

    @Column(nullable = false, length = 32)
    public String kind;

    @Column(nullable = false, length = 16)
    public String status;

    @Column(name = "error_code")
    public Integer errorCode;

    /** Why the message did not reach the handset, in words; null when it did. */
    @Column(name = "status_reason", length = 200)
    public String statusReason;

    /** The fault rule that decided this message's fate, if one did. */
    @Column(name = "rule_id", length = 36)
    public String ruleId;

    /** For a delayed message: when (sandbox clock) it is handed to the phone. */
    @Column(name = "deliver_at")
    public Instant deliverAt;

    /** The n-th message to this phone (1 = first); feeds the seeded random draws. */
    @Column(name = "phone_seq")
    public Long phoneSeq;

    @Column(name = "account_id", length = 36)
    public String accountId;

    @Column(name = "correlation_id", length = 64)
    public String correlationId;

    @Column(name = "accepted_at", nullable = false)
    public Instant acceptedAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    /** The first run of 4 to 8 digits standing alone in the text. */
    public static String extractCode(String text) {
        Matcher matcher = CODE.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }
}
