package dev.lockstep.bench.compare;

import dev.lockstep.bench.HashBenchmark;
import dev.lockstep.launcher.Directories;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Keycloak and Lockstep side by side on this machine: each started fresh {@code --starts} times, one
 * after the other, with the same users and the same Argon2id cost (t=5, m=7 MiB, p=1), and driven by
 * the same closed-loop load of password logins (Keycloak's direct grant, Lockstep's login with the
 * second factor off) at each of {@code --clients} after a warm-up. Prints, per server and client
 * count, the median logins/s over the starts, per vCPU, the spread across starts, p50/p99, the CPU
 * per login summed over the server's processes (and each process's part), RSS after the load; launch
 * to ready at the first start and at restarts; the CPU it spends idle for {@code --idle} seconds after
 * the load; for Lockstep, sign-ins with an SMS code ({@link SmsCodeRounds}); their ratio; and the
 * machine's bare hash rate, measured in the same run, that bounds both. At each start it prints how
 * long the server took to be ready and the CPU each of its processes had used by then; each server's
 * first start is on an empty data directory, the later ones are restarts. All of it runs on the JDK
 * the benchmark runs on ({@code ./lockstep} picks it: {@code --jdk}, else the newest JDK 25 or newer
 * installed), Lockstep from the startup archives its build made for that JDK. Writes every
 * measurement to {@code benchmarks/target/compare/logins.csv} and draws latency against load in
 * {@code latency-vs-load.png} there.
 *
 * <p>
 * Usage: {@code ./lockstep bench-compare [--starts 5] [--clients 1,2,4,8] [--seconds 12] [--warmup 45]
 * [--idle 60] [--sms-seconds 12] [--jdk 25] [--only keycloak|lockstep]}, or
 * {@code ./lockstep bench-compare --plot} to redraw the plot from the last run's {@code logins.csv}
 */
public final class CompareBenchmark {

    private static final String PASSWORD = "benchmark password 2026";
    private static final int USERS = 8;

    private CompareBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("lockstep.home", ".")).toAbsolutePath().normalize();
        Path out = home.resolve("benchmarks/target/compare");
        if (args.length == 1 && "--plot".equals(args[0])) {
            ComparePlot.write(out.resolve("logins.csv"), out.resolve("latency-vs-load.png"));
            System.out.println("Plot redrawn from the last run: " + home.relativize(out.resolve("latency-vs-load.png")));
            return;
        }
        int starts = 5;
        int[] clients = { 1, 2, 4, 8 };
        double seconds = 12;
        double warmup = 45;
        String only = null;
        double idle = 60;
        double sms = 12;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--starts" -> starts = Integer.parseInt(args[i + 1]);
                case "--clients" -> clients = Arrays.stream(args[i + 1].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--seconds" -> seconds = Double.parseDouble(args[i + 1]);
                case "--warmup" -> warmup = Double.parseDouble(args[i + 1]);
                case "--only" -> only = args[i + 1];
                case "--idle" -> idle = Double.parseDouble(args[i + 1]);
                case "--sms-seconds" -> sms = Double.parseDouble(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Files.createDirectories(out);
        int cores = Runtime.getRuntime().availableProcessors();
        List<LoginTarget> targets = new ArrayList<>();
        if (!"lockstep".equals(only)) {
            KeycloakDistribution keycloak = new KeycloakDistribution(home).prepare();
            // its first start too is a first start: no database from an earlier run
            Directories.deleteTree(keycloak.home().resolve("data"));
            targets.add(new KeycloakTarget(keycloak, 18180));
        }
        if (!"keycloak".equals(only)) {
            // its first start is a first start: no data directory from an earlier run
            Directories.deleteTree(out.resolve("lockstep-data"));
            targets.add(new LockstepTarget(home, out.resolve("lockstep-data"), 18081, 19092));
        }
        double hashRate = HashBenchmark.rate(cores, 10, HashBenchmark.nativeHash());
        System.out.printf(Locale.ROOT, "Bare hash rate, libargon2, Argon2id t=5 m=7 MiB p=1, %d threads: %.1f hashes/s "
                + "(%.1f per vCPU)%n", cores, hashRate, hashRate / cores);
        CompareReport report = new CompareReport(cores, hashRate);
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out.resolve("logins.csv")))) {
            csv.println("server,start,clients,logins_per_s,p50_ms,p99_ms,rss_mib,ready_ms,hash_per_s");
            for (int start = 1; start <= starts; start++) {
                for (LoginTarget target : targets) {
                    measure(target, start, clients, seconds, warmup, idle, sms, cores, report, csv);
                }
            }
        }
        double lateHashRate = HashBenchmark.rate(cores, 10, HashBenchmark.nativeHash());
        System.out.printf(Locale.ROOT, "Bare hash rate again at the end: %.1f hashes/s%n%n", lateHashRate);
        report.print(System.out);
        Path png = out.resolve("latency-vs-load.png");
        ComparePlot.write(out.resolve("logins.csv"), png);
        System.out.println("Plot: " + home.relativize(png));
    }

    private static void measure(LoginTarget target, int start, int[] clients, double seconds, double warmup, double idle,
            double sms, int cores, CompareReport report, PrintWriter csv) throws Exception {
        // The machine's speed just before this start (other tenants of the host move it): a slow start of
        // both servers at once shows here too.
        double hashNow = HashBenchmark.rate(cores, 3, HashBenchmark.nativeHash());
        try (target) {
            target.start();
            Map<String, Duration> cpu = target.cpu();
            System.out.printf(Locale.ROOT, "%-16s start %d (%s): ready in %.1f s on %.1f s of CPU: %s%n", target.name(),
                    start, start == 1 ? "first start" : "restart", target.readyMillis() / 1000.0,
                    cpu.values().stream().mapToLong(Duration::toMillis).sum() / 1000.0,
                    cpu.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.1f s", e.getKey(),
                            e.getValue().toMillis() / 1000.0)).collect(Collectors.joining(", ")));
            List<String> users = target.users(USERS, PASSWORD);
            if (start == 1 && target instanceof KeycloakTarget keycloak) {
                System.out.println("Keycloak stores the passwords as: " + keycloak.hashParameters(users.get(0)));
            }
            LoginLoad.run(target, users, PASSWORD, Arrays.stream(clients).max().orElse(4), warmup);
            for (int n : clients) {
                Map<String, Duration> cpuBefore = target.cpu();
                LoginLoad.Round round = LoginLoad.run(target, users, PASSWORD, n, seconds);
                CpuSpent spent = CpuSpent.between(cpuBefore, target.cpu());
                long rss = target.rssKib();
                double cpuPerLogin = spent.totalMillis() / round.logins();
                report.add(target.name(), start, round, rss, target.readyMillis(), cpuPerLogin);
                csv.printf(Locale.ROOT, "%s,%d,%d,%.2f,%.1f,%.1f,%d,%d,%.1f%n", target.name(), start, n,
                        round.loginsPerSecond(), round.ms(50), round.ms(99), rss / 1024, target.readyMillis(), hashNow);
                System.out.printf(Locale.ROOT, "%-16s start %d, %d client%s: %6.1f logins/s, p50 %6.1f ms, p99 %6.1f ms, "
                        + "RSS %5d MiB, ready in %.1f s, bare hash rate before this start %.0f/s%n", target.name(), start, n,
                        n == 1 ? " " : "s", round.loginsPerSecond(), round.ms(50), round.ms(99), rss / 1024,
                        target.readyMillis() / 1000.0, hashNow);
                System.out.printf(Locale.ROOT, "%-16s   CPU per login %.1f ms (ms by process: %s)%n", "", cpuPerLogin,
                        spent.millisEach(round.logins()));
            }
            csv.flush();
            if (target instanceof LockstepTarget lockstep && sms > 0) {
                SmsCodeRounds.run(lockstep, start, sms, report);
            }
            if (idle > 0) {
                Map<String, Duration> cpuBefore = target.cpu();
                Thread.sleep((long) (idle * 1000)); // nothing happens: what the server spends on its own
                CpuSpent spent = CpuSpent.between(cpuBefore, target.cpu());
                double percent = 100 * spent.totalMillis() / (idle * 1000);
                report.addIdle(target.name(), percent);
                System.out.printf(Locale.ROOT, "%-16s start %d, idle for %.0f s after the load: %.2f s of CPU = %.1f %% of one "
                        + "core (ms by process: %s)%n", target.name(), start, idle, spent.totalMillis() / 1000, percent,
                        spent.millisEach(1));
            }
        }
    }
}
