package dev.lockstep.platform.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Work that falls due on the sandbox clock (a lock ends, a held message is delivered, a waiting period
 * is over), done by a daemon thread that sleeps until the next due instant rather than looking on a short
 * timer: an idle service then spends no CPU on it. After each round the thread asks {@code nextDue} (the
 * database) for the earliest instant still ahead. It wakes early when the code that schedules new work
 * says when ({@link #dueAt}) and when the clock's setting changes ({@link #clockChanged}, a jump or a
 * freeze). It also wakes after {@code maxPause} at the latest, which finds work that another instance on
 * the same database scheduled. Rounds stay at least {@code minPause} apart, so work that stays due (a
 * failed round) is tried again at that pace, not in a busy loop.
 */
public final class ClockTimer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ClockTimer.class);

    private final String name;

    private final Clock clock;

    private final long minPauseNanos;

    private final long maxPauseNanos;

    private final Supplier<Instant> nextDue;

    private final Runnable round;

    private final Thread thread;

    /** The earliest due instant known (sandbox time), or null for none. Guarded by {@code this}. */
    private Instant planned;

    /** Due instants told while {@code nextDue} was being asked (it may not have seen them). Guarded by {@code this}. */
    private Instant toldMeanwhile;

    private volatile boolean running = true;

    private ClockTimer(String name, Clock clock, Duration minPause, Duration maxPause, Supplier<Instant> nextDue,
            Runnable round) {
        this.name = name;
        this.clock = clock;
        this.minPauseNanos = minPause.toNanos();
        this.maxPauseNanos = Math.max(maxPause.toNanos(), minPauseNanos);
        this.nextDue = nextDue;
        this.round = round;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
    }

    /**
     * Starts the thread; its first round runs at once.
     *
     * @param nextDue the earliest instant (sandbox time) at which work falls due, or null when none is scheduled
     * @param round does whatever is due now
     */
    public static ClockTimer start(String name, Clock clock, Duration minPause, Duration maxPause, Supplier<Instant> nextDue,
            Runnable round) {
        ClockTimer timer = new ClockTimer(name, clock, minPause, maxPause, nextDue, round);
        timer.thread.start();
        return timer;
    }

    /**
     * Work falls due at {@code due} (sandbox time). Call it once the work is committed: a round that ran
     * before would not find it.
     */
    public synchronized void dueAt(Instant due) {
        if (toldMeanwhile == null || due.isBefore(toldMeanwhile)) {
            toldMeanwhile = due;
        }
        if (planned == null || due.isBefore(planned)) {
            planned = due;
            notifyAll();
        }
    }

    /** The clock jumped or froze: what is due is measured again. */
    public synchronized void clockChanged() {
        notifyAll(); // the sleeping thread computes its pause again
    }

    private void run() {
        while (running) {
            long roundStarted = System.nanoTime();
            try {
                round.run();
                learnNextDue();
            } catch (RuntimeException e) {
                // a failed round (the database busy at shutdown, say) must not end the timer
                LOG.warnf("%s: %s", name, e.toString());
            }
            try {
                awaitDue(roundStarted);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void learnNextDue() {
        synchronized (this) {
            toldMeanwhile = null;
        }
        Instant fromStore = nextDue.get();
        synchronized (this) {
            planned = earlier(fromStore, toldMeanwhile);
            toldMeanwhile = null;
        }
    }

    /** Returns when the planned instant came (and the minimum pause passed), or after the maximum pause. */
    private synchronized void awaitDue(long roundStarted) throws InterruptedException {
        long latest = roundStarted + maxPauseNanos;
        while (running) {
            long now = System.nanoTime();
            long wake = planned == null ? latest
                    : Math.min(latest, now + TimeUnit.MILLISECONDS.toNanos(
                            Math.max(0, planned.toEpochMilli() - clock.instant().toEpochMilli())));
            wake = Math.max(wake, roundStarted + minPauseNanos);
            long pause = wake - now;
            if (pause <= 0) {
                return;
            }
            TimeUnit.NANOSECONDS.timedWait(this, pause);
        }
    }

    private static Instant earlier(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
