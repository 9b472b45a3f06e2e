package dev.lockstep.platform.fault;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.function.DoubleSupplier;

/**
 * When a fault rule acts, and how often it did: the same columns in every service's rule table. Its
 * trigger (the next N matches, every Nth, or a probability; none: always), its window of sandbox time,
 * and its counts of matches and hits.
 */
@Embeddable
public class FaultSchedule {

    /** Acts on the next N matches, then matches nothing more. */
    @Column(name = "trigger_next")
    public Integer next;

    /** Acts on every Nth match. */
    @Column(name = "trigger_every")
    public Integer everyNth;

    /** Acts on each match with this probability (0 to 1), from a draw the caller makes reproducible. */
    @Column(name = "trigger_probability")
    public Double probability;

    @Column(name = "window_from")
    public Instant from;

    @Column(name = "window_until")
    public Instant until;

    /** Matches inside the window. */
    @Column(nullable = false)
    public long matched;

    /** Matches the rule acted on. */
    @Column(nullable = false)
    public long hits;

    /** A schedule as a rule asks for it, checked ({@code invalid-fault}); either part may be absent. */
    public static FaultSchedule of(FaultTrigger trigger, FaultWindow window) {
        FaultSchedule schedule = new FaultSchedule();
        if (trigger != null) {
            trigger.checked();
            schedule.next = trigger.next();
            schedule.everyNth = trigger.everyNth();
            schedule.probability = trigger.probability();
        }
        if (window != null) {
            window.checked();
            schedule.from = window.from();
            schedule.until = window.until();
        }
        return schedule;
    }

    public FaultTrigger trigger() {
        return new FaultTrigger(next, everyNth, probability);
    }

    public FaultWindow window() {
        return new FaultWindow(from, until);
    }

    /** Whether the rule may match at this sandbox time: inside its window, and not a spent "next N". */
    public boolean open(Instant now) {
        return !Triggers.spent(next) && Triggers.inWindow(from, until, now);
    }

    /**
     * Counts a match and decides whether the rule acts on it; an action is counted as a hit and uses up
     * one of "the next N".
     *
     * @param draw a number in [0, 1), asked for only by a probability trigger
     */
    public boolean fire(DoubleSupplier draw) {
        matched++;
        if (!Triggers.fires(everyNth, probability, matched, probability != null ? draw.getAsDouble() : 0)) {
            return false;
        }
        hits++;
        if (next != null) {
            next--;
        }
        return true;
    }
}
