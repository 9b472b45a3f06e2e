package dev.lockstep.bench.compare;

import dev.lockstep.bench.ProcessFacts;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A process with its descendants (a start script and the JVM it runs): their memory, and stopping them. */
final class ProcessTree {

    private ProcessTree() {
    }

    /** Resident memory (VmRSS) of the process and its descendants, in KiB. */
    static long rssKib(ProcessHandle root) throws IOException {
        long total = ProcessFacts.rssKib(root.pid());
        for (ProcessHandle child : root.descendants().toList()) {
            total += ProcessFacts.rssKib(child.pid());
        }
        return total;
    }

    /** CPU time used by the process and its descendants (as far as the OS tells). */
    static Duration cpu(ProcessHandle root) {
        Duration total = root.info().totalCpuDuration().orElse(Duration.ZERO);
        for (ProcessHandle child : root.descendants().toList()) {
            total = total.plus(child.info().totalCpuDuration().orElse(Duration.ZERO));
        }
        return total;
    }

    /** SIGTERM to all, then SIGKILL to what is left after {@code grace}; returns when all are gone. */
    static void stop(ProcessHandle root, Duration grace) throws InterruptedException {
        List<ProcessHandle> all = new ArrayList<>(root.descendants().toList());
        all.add(root);
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : all) {
            CompletableFuture<ProcessHandle> gone = p.onExit();
            try {
                gone.get(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                p.destroyForcibly();
                p.onExit().join();
            }
        }
    }
}
