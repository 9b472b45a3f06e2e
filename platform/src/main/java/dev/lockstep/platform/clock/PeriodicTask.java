package dev.lockstep.platform.clock;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * A task run again and again on a daemon thread of its own, a fixed pause apart; a failed round is
 * logged and the next one runs. For work that follows the sandbox clock more often than the Quarkus
 * scheduler allows (it runs nothing more often than once a second).
 */
public final class PeriodicTask implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PeriodicTask.class);

    private final ScheduledExecutorService timer;

    private PeriodicTask(String name, long periodMillis, Runnable task) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                // a failed round (e.g. the database busy at shutdown) must not end the timer
                LOG.warnf("%s: %s", name, e.toString());
            }
        }, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    static PeriodicTask start(String name, long periodMillis, Runnable task) {
        return new PeriodicTask(name, periodMillis, task);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
