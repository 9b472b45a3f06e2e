package dev.lockstep.bench;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * The bare Argon2id hash rate of this machine, the ceiling of password logins: Keycloak's cost (t=5,
 * m=7 MiB, p=1) hashed in one run by libargon2 through argon2-jvm (auth-service's hasher), by the
 * system's libsodium through JNA (where installed) and by Password4j (pure Java, auth-service's hasher
 * before December 2026), at 1 thread and at one thread per core. The rounds take turns (one round of
 * each library, then the next), so a drift of the machine's speed falls on all of them alike. Each
 * figure is the median of the rounds after a warm-up; the spread is (max - min) / median across them.
 * First it checks that libargon2's and libsodium's hashes verify with each other.
 *
 * <p>
 * Usage: {@code ./lockstep bench-hash [--seconds 5] [--rounds 5]}
 */
public final class HashBenchmark {

    private static final int T = 5;
    private static final int M_KIB = 7168;
    private static final int P = 1;

    /** One Argon2id hash at Keycloak's cost, by libargon2 (what auth-service runs). */
    public static Supplier<String> nativeHash() {
        de.mkammerer.argon2.Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id, 16, 32);
        return () -> argon2.hash(T, M_KIB, P, "benchmark password");
    }

    private HashBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = 5;
        int rounds = 5;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--seconds" -> seconds = Double.parseDouble(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("Argon2id t=%d m=%d KiB p=%d, %d cores, %d rounds of %.0f s after a warm-up round%n", T, M_KIB, P,
                cores, rounds, seconds);
        Argon2Function javaArgon2 = Argon2Function.getInstance(M_KIB, T, P, 32, Argon2.ID, 19);
        Map<String, Supplier<String>> hashers = new LinkedHashMap<>();
        hashers.put("libargon2 (argon2-jvm 2.12)", nativeHash());
        Optional<Libsodium> sodium = Libsodium.load();
        if (sodium.isPresent()) {
            de.mkammerer.argon2.Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id, 16, 32);
            String bySodium = sodium.get().hash(T, M_KIB, "benchmark password");
            String byArgon2 = argon2.hash(T, M_KIB, P, "benchmark password");
            System.out.printf("libsodium's hash verifies with libargon2: %b; libargon2's with libsodium: %b%n",
                    argon2.verify(bySodium, "benchmark password"), sodium.get().verify(byArgon2, "benchmark password"));
            hashers.put("libsodium (system, JNA)", () -> sodium.get().hash(T, M_KIB, "benchmark password"));
        } else {
            System.out.println("libsodium: not installed here (Debian: libsodium23), left out");
        }
        hashers.put("Password4j 1.8.4 (pure Java)",
                () -> Password.hash("benchmark password").addRandomSalt(16).with(javaArgon2).getResult());
        List<Integer> threads = cores > 1 ? List.of(1, cores) : List.of(1);
        for (int n : threads) {
            Map<String, List<Double>> rates = new LinkedHashMap<>();
            for (Map.Entry<String, Supplier<String>> hasher : hashers.entrySet()) {
                rate(n, seconds, hasher.getValue()); // warm-up
                rates.put(hasher.getKey(), new ArrayList<>());
            }
            for (int r = 0; r < rounds; r++) {
                for (Map.Entry<String, Supplier<String>> hasher : hashers.entrySet()) {
                    rates.get(hasher.getKey()).add(rate(n, seconds, hasher.getValue()));
                }
            }
            rates.forEach((name, measured) -> report(name, n, measured));
        }
    }

    private static void report(String name, int threads, List<Double> rates) {
        List<Double> sorted = rates.stream().sorted().toList();
        double median = sorted.get(sorted.size() / 2);
        System.out.printf(Locale.ROOT, "%-30s %d thread%s: %6.1f hashes/s (median, %.1f ms each), rounds %s, spread %.0f %%%n",
                name, threads, threads == 1 ? " " : "s", median, 1000 * threads / median,
                rates.stream().map(x -> String.format(Locale.ROOT, "%.1f", x)).toList(),
                100 * (sorted.get(sorted.size() - 1) - sorted.get(0)) / median);
    }

    /** Hashes a second over {@code seconds}, {@code threads} hashing at once. */
    public static double rate(int threads, double seconds, Supplier<String> hash) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            long end = start + (long) (seconds * 1e9);
            List<Future<Long>> counts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                counts.add(pool.submit(() -> {
                    long done = 0;
                    while (System.nanoTime() < end) {
                        if (hash.get().startsWith("$argon2id$")) {
                            done++;
                        }
                    }
                    return done;
                }));
            }
            long total = 0;
            for (Future<Long> count : counts) {
                total += count.get();
            }
            return total / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
        }
    }
}
