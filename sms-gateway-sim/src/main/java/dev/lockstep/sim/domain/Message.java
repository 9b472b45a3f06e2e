package dev.lockstep.sim.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A message on its way to, or in the inbox of, a virtual phone (SMS, voice) or mailbox (email). */
@Entity
@Table(name = "message")
public class Message extends PanacheEntityBase {

    private static final Pattern CODE = Pattern.compile("(?<![0-9])([0-9]{4,8})(?![0-9])");
    /** A spoken code: digits read one by one ("1, 2, 3, 4, 5, 6"). */
    private static final Pattern SPOKEN_CODE = Pattern.compile("(?<![0-9])([0-9](?:[ ,.\\-]{1,3}[0-9]){3,7})(?![0-9])");

    /** Arrival order across the whole simulator. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(nullable = false, unique = true, length = 64)
    public String id;

    /** Where it goes: an E.164 number (sms, voice) or an email address (email). */
    @Column(nullable = false, length = 254)
    public String address;

    /** The phone, for sms and voice; null for email. */
    @Column(length = 20)
    public String phone;

    @Column(nullable = false, length = 16)
    public String channel;

    @Column(nullable = false, length = 64)
    public String sender;

    /** The text as the handset shows it. */
    @Column(nullable = false, length = 2000)
    public String text;

    /** The text as it was sent, when a rule changed it on the way (truncate, corrupt); else null. */
    @Column(name = "original_text", length = 2000)
    public String originalText;

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

    /** Why a message waits for {@code deliverAt}: {@code delay}, or {@code reorder} (a later one overtakes it). */
    @Column(length = 16)
    public String hold;

    /** Order of arrival at the address, once delivered: inboxes list by it, newest first. */
    @Column
    public Long arrival;

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

    /** Time spent choosing the fault rule for this message (locking and evaluating the rules); not stored. */
    @Transient
    public long ruleEvaluationNanos;

    /**
     * The first run of 4 to 8 digits standing alone in the text; for a voice message, also digits
     * read out one by one ("1, 2, 3, 4").
     */
    public static String extractCode(String text, String channel) {
        Matcher matcher = CODE.matcher(text);
        if (matcher.find()) {
            return matcher.group(1);
        }
        if ("voice".equals(channel)) {
            Matcher spoken = SPOKEN_CODE.matcher(text);
            if (spoken.find()) {
                return spoken.group(1).replaceAll("[^0-9]", "");
            }
        }
        return null;
    }

    /** Whether the address is a mailbox rather than a phone. */
    public static boolean isEmail(String channel) {
        return "email".equals(channel);
    }
}
