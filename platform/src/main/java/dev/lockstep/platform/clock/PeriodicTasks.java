package dev.lockstep.platform.clock;

import dev.lockstep.platform.config.LockstepConfig;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The service's timed work: {@link PeriodicTask}s (a fixed pause apart) and {@link ClockTimer}s (when
 * something falls due on the sandbox clock), started by whoever needs one, all stopped when the service
 * shuts down.
 */
@ApplicationScoped
public class PeriodicTasks {

    private final SandboxClock clock;

    private final LockstepConfig config;

    private final List<Runnable> stoppers = new CopyOnWriteArrayList<>();

    private final Map<String, ClockTimer> timers = new ConcurrentHashMap<>();

    public PeriodicTasks(SandboxClock clock, LockstepConfig config) {
        this.clock = clock;
        this.config = config;
    }

    /** Runs {@code task} every {@code period} from now on, on a daemon thread named {@code name}. */
    public void every(String name, Duration period, Runnable task) {
        PeriodicTask started = PeriodicTask.start(name, period.toMillis(), task);
        stoppers.add(started::close);
    }

    /**
     * Work for the timer named {@link #timer} falls due {@link #at} (sandbox time). Fired as a CDI event in
     * the transaction that scheduled the work; the timer hears of it once that commits.
     */
    public record Due(String timer, Instant at) {
    }

    /**
     * Runs {@code round} whenever the sandbox clock reaches the instant {@code nextDue} names (and after
     * {@link ClockTimer#dueAt}, a clock change, or {@code lockstep.timers.max-pause} at the latest), rounds at
     * least {@code minPause} apart; see {@link ClockTimer}. A {@link Due} event naming it wakes it.
     */
    public ClockTimer onTheClock(String name, Duration minPause, Supplier<Instant> nextDue, Runnable round) {
        ClockTimer timer = ClockTimer.start(name, clock, minPause, config.timers().maxPause(), nextDue, round);
        clock.onChange(timer::clockChanged);
        stoppers.add(timer::close);
        timers.put(name, timer);
        return timer;
    }

    void due(@Observes(during = TransactionPhase.AFTER_SUCCESS) Due due) {
        ClockTimer timer = timers.get(due.timer());
        if (timer != null) {
            timer.dueAt(due.at());
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stoppers.forEach(Runnable::run);
        stoppers.clear();
        timers.clear();
    }
}
