package dev.lockstep.bench;

import dev.lockstep.launcher.TraceReceiver;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures a running sandbox (./lockstep up) from the outside, the way a QA suite sees it:
 * code-delivery latency (login response to code in the inbox), login+verify throughput, memory of
 * the broker and the four services, and the launcher's launch-to-ready time.
 *
 * <p>
 * Usage: {@code ./lockstep bench [--logins 500] [--clients 4] [--warmup 100] [--data-dir .lockstep]
 * [--traces-port 4318]}. With {@code --traces-port} (the sandbox started with
 * {@code --otlp-endpoint http://127.0.0.1:4318/v1/traces}) it receives the services' spans and splits
 * the one-client code deliveries into their hops ({@link DeliveryHops}).
 */
public final class LoginBenchmark {

    private static final String PASSWORD = "benchmark password";

    private final SmsCodeLogin signIns;

    private LoginBenchmark(RunningSandbox sandbox) {
        this.signIns = new SmsCodeLogin(sandbox.client("login-benchmark"), PASSWORD);
    }

    public static void main(String[] args) throws Exception {
        int logins = 500;
        int clients = 4;
        int warmup = 100;
        Path dataDir = Path.of(".lockstep");
        int tracesPort = -1;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--logins" -> logins = Integer.parseInt(args[i + 1]);
                case "--clients" -> clients = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--data-dir" -> dataDir = Path.of(args[i + 1]);
                case "--traces-port" -> tracesPort = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        RunningSandbox sandbox = RunningSandbox.in(dataDir);
        LoginBenchmark bench = new LoginBenchmark(sandbox);
        Map<String, Long> pids = sandbox.pids();
        long rssBefore = printMemory("Memory before load (RSS)", pids);
        try (TraceReceiver traces = tracesPort >= 0 ? TraceReceiver.start(tracesPort) : null) {
            bench.run(logins, clients, warmup, traces);
        }
        printMemory("Memory after load (RSS)", pids);

        long readyMillis = sandbox.readyMillis();
        System.out.printf("%nLaunch to ready (./lockstep up, broker + 4 services): %.1f s%n", readyMillis / 1000.0);
        System.out.printf("Total RSS after start: %.0f MiB%n", rssBefore / 1024.0);
    }

    private void run(int logins, int clients, int warmup, TraceReceiver traces) throws Exception {
        System.out.printf("Creating %d benchmark accounts…%n", clients);
        List<SmsCodeLogin.Handset> accounts = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            accounts.add(signIns.newAccount());
        }
        System.out.printf("Warming up with %d logins…%n", warmup);
        runClients(accounts, warmup);

        System.out.printf("Latency: %d logins, one client at a time…%n", logins);
        if (traces != null) {
            traces.clear();
        }
        List<SmsCodeLogin.Sample> single = runClients(accounts.subList(0, 1), logins);
        List<long[]> hops = traces != null ? awaitTraced(traces, logins) : List.of();
        System.out.printf("Throughput: %d logins, %d concurrent clients…%n", logins, clients);
        long started = System.nanoTime();
        List<SmsCodeLogin.Sample> loaded = runClients(accounts, logins);
        double seconds = (System.nanoTime() - started) / 1e9;

        System.out.printf("%nLockstep login benchmark (%d logins per phase)%n", logins);
        System.out.println("One client:");
        report(single);
        if (traces != null) {
            DeliveryHops.print(hops);
        }
        System.out.printf("%d concurrent clients:%n", clients);
        report(loaded);
        System.out.printf("  throughput (login + verify):                     %.1f logins/s%n", loaded.size() / seconds);
    }

    /** Waits (up to 30 s: spans leave in batches) until most of the one-client logins' traces are in. */
    private static List<long[]> awaitTraced(TraceReceiver traces, int logins) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<long[]> hops = DeliveryHops.measure(traces.spans());
        while (hops.size() < logins * 0.95 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            hops = DeliveryHops.measure(traces.spans());
        }
        return hops;
    }

    private static void report(List<SmsCodeLogin.Sample> samples) {
        System.out.println("  code delivery (login response -> code in inbox): "
                + new Percentiles(samples.stream().mapToLong(SmsCodeLogin.Sample::deliveryNanos).toArray()).line());
        System.out.println("  login (password, challenge):                     "
                + new Percentiles(samples.stream().mapToLong(SmsCodeLogin.Sample::loginNanos).toArray()).line());
        System.out.println("  verify (code -> signed token):                   "
                + new Percentiles(samples.stream().mapToLong(SmsCodeLogin.Sample::verifyNanos).toArray()).line());
    }

    private List<SmsCodeLogin.Sample> runClients(List<SmsCodeLogin.Handset> accounts, int logins) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(accounts.size());
        try {
            List<Future<List<SmsCodeLogin.Sample>>> results = new ArrayList<>();
            for (int c = 0; c < accounts.size(); c++) {
                SmsCodeLogin.Handset account = accounts.get(c);
                int share = logins / accounts.size() + (c < logins % accounts.size() ? 1 : 0);
                results.add(pool.submit(() -> loginRepeatedly(account, share)));
            }
            List<SmsCodeLogin.Sample> all = new ArrayList<>();
            for (Future<List<SmsCodeLogin.Sample>> result : results) {
                all.addAll(result.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One client: sign in with a code again and again, one sign-in at a time on its phone. */
    private static List<SmsCodeLogin.Sample> loginRepeatedly(SmsCodeLogin.Handset account, int times)
            throws IOException, InterruptedException {
        List<SmsCodeLogin.Sample> samples = new ArrayList<>(times);
        for (int i = 0; i < times; i++) {
            samples.add(account.signIn());
        }
        return samples;
    }

    /** Prints each process's resident memory (from /proc) and returns the total in KiB. */
    private static long printMemory(String title, Map<String, Long> pids) throws IOException {
        System.out.println();
        System.out.println(title + ":");
        long total = 0;
        for (Map.Entry<String, Long> entry : pids.entrySet()) {
            long kib = ProcessFacts.rssKib(entry.getValue());
            total += kib;
            System.out.printf("  %-18s %6.0f MiB%n", entry.getKey(), kib / 1024.0);
        }
        System.out.printf("  %-18s %6.0f MiB%n", "total", total / 1024.0);
        return total;
    }
}
