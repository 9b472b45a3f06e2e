package dev.lockstep.platform.clock;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The service's {@link PeriodicTask}s: started by whoever needs one, all stopped when the service shuts down. */
@ApplicationScoped
public class PeriodicTasks {

    private final List<PeriodicTask> running = new CopyOnWriteArrayList<>();

    /** Runs {@code task} every {@code period} from now on, on a daemon thread named {@code name}. */
    public void every(String name, Duration period, Runnable task) {
        running.add(PeriodicTask.start(name, period.toMillis(), task));
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running.forEach(PeriodicTask::close);
        running.clear();
    }
}
