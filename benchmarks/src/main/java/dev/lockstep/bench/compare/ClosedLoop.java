package dev.lockstep.bench.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** {@code clients} threads, each doing its step again as soon as the last one is done, until the time is up. */
final class ClosedLoop {

    /** One step of a client (a sign-in), and what it measured. */
    interface Step<T> {
        T run() throws Exception;
    }

    /** What every client's steps measured, and how long the loop ran. A step that fails ends the run. */
    record Outcome<T>(List<T> results, double seconds) {
    }

    private ClosedLoop() {
    }

    static <T> Outcome<T> run(int clients, double seconds, IntFunction<Step<T>> stepOfClient) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long start = System.nanoTime();
            long end = start + (long) (seconds * 1e9);
            List<Future<List<T>>> perClient = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                Step<T> step = stepOfClient.apply(c);
                perClient.add(pool.submit(() -> {
                    List<T> results = new ArrayList<>();
                    while (System.nanoTime() < end) {
                        results.add(step.run());
                    }
                    return results;
                }));
            }
            List<T> all = new ArrayList<>();
            for (Future<List<T>> f : perClient) {
                all.addAll(f.get());
            }
            return new Outcome<>(all, (System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }
}
