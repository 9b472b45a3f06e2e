package dev.lockstep.bench.compare;

import dev.lockstep.bench.Percentiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/** Closed-loop password logins: {@code clients} threads, each signing in again as soon as it is answered. */
public final class LoginLoad {

    /** One measurement: how many logins, logins a second, and every login's latency. */
    public record Round(int clients, int logins, double loginsPerSecond, Percentiles latency) {

        public double ms(double percentile) {
            return latency.ms(percentile);
        }
    }

    private LoginLoad() {
    }

    /** Runs for {@code seconds}; client {@code c} signs in as {@code users[c % users.size()]}. A refused login ends the run. */
    static Round run(LoginTarget target, List<String> users, String password, int clients, double seconds)
            throws Exception {
        return run(target, c -> () -> users.get(c % users.size()), password, clients, seconds);
    }

    /** The same, each login as the account {@code users} names next (all with {@code password}). */
    public static Round run(LoginTarget target, Supplier<String> users, String password, int clients, double seconds)
            throws Exception {
        return run(target, c -> users, password, clients, seconds);
    }

    private static Round run(LoginTarget target, IntFunction<Supplier<String>> usersOfClient, String password,
            int clients, double seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long start = System.nanoTime();
            long end = start + (long) (seconds * 1e9);
            List<Future<long[]>> perClient = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                Supplier<String> users = usersOfClient.apply(c);
                perClient.add(pool.submit(() -> {
                    long[] nanos = new long[1024];
                    int n = 0;
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        int status = target.login(users.get(), password);
                        if (status != 200) {
                            throw new IllegalStateException(target.name() + " refused a right password: " + status);
                        }
                        if (n == nanos.length) {
                            nanos = Arrays.copyOf(nanos, n * 2);
                        }
                        nanos[n++] = System.nanoTime() - t0;
                    }
                    return Arrays.copyOf(nanos, n);
                }));
            }
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> f : perClient) {
                all.add(f.get());
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            long[] nanos = all.stream().flatMapToLong(Arrays::stream).toArray();
            return new Round(clients, nanos.length, nanos.length / elapsed, new Percentiles(nanos));
        } finally {
            pool.shutdownNow();
        }
    }
}
