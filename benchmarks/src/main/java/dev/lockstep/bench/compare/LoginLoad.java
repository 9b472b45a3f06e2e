package dev.lockstep.bench.compare;

import dev.lockstep.bench.Percentiles;
import java.util.List;
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
        ClosedLoop.Outcome<Long> outcome = ClosedLoop.run(clients, seconds, c -> {
            Supplier<String> users = usersOfClient.apply(c);
            return () -> {
                long t0 = System.nanoTime();
                int status = target.login(users.get(), password);
                if (status != 200) {
                    throw new IllegalStateException(target.name() + " refused a right password: " + status);
                }
                return System.nanoTime() - t0;
            };
        });
        long[] nanos = outcome.results().stream().mapToLong(Long::longValue).toArray();
        return new Round(clients, nanos.length, nanos.length / outcome.seconds(), new Percentiles(nanos));
    }
}
