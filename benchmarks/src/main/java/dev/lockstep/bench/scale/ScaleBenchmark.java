package dev.lockstep.bench.scale;

import dev.lockstep.bench.Percentiles;
import dev.lockstep.bench.compare.LockstepTarget;
import dev.lockstep.bench.compare.LoginLoad;
import dev.lockstep.client.HttpJson;
import dev.lockstep.client.SandboxClient;
import dev.lockstep.client.Service;
import dev.lockstep.launcher.Directories;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * How cost grows with the data: for each size, a fresh sandbox (H2, as {@code ./lockstep up} runs
 * it) gets one reference account through the API, then — stopped — {@code n} accounts and {@code n}
 * messages written straight into its files ({@link GeneratedRows}); started again on them, it is
 * measured: launch to ready, password logins of random generated accounts (closed loop at
 * {@code --clients} after a warm-up: logins/s, p50/p99), the simulator's inbox
 * ({@code GET /v1/phones/{e164}/messages}) and delivery log ({@code GET /v1/messages?to=…}, and the
 * newest page {@code GET /v1/messages?limit=50}) for random generated numbers (p50/p99 of one client's
 * calls), the databases' size on disk and the processes' RSS. Prints a table and writes
 * {@code benchmarks/target/scale/scale.csv}.
 *
 * <p>
 * Usage: {@code ./lockstep bench-scale [--sizes 1000,100000,1000000] [--clients 4] [--seconds 20]
 * [--warmup 20] [--queries 300] [--risk on]}; {@code --risk on} turns auth-service's risk engine on (it is off
 * by default, as Cognito's adaptive authentication is), which weighs each login against the attempts before it.
 */
public final class ScaleBenchmark {

    private static final String PASSWORD = "scale password 2026";
    private static final GeneratedRows.Reference REFERENCE = new GeneratedRows.Reference("scale-reference",
            "+819099990000");

    /** One size's figures. */
    record Row(long size, double generateSeconds, long readyMillis, double loginsPerSecond, double loginP50,
            double loginP99, Percentiles inbox, Percentiles deliveryLog, Percentiles newest, long authBytes,
            long otpBytes, long simBytes, long allDbBytes, long rssKib) {
    }

    private ScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("lockstep.home", ".")).toAbsolutePath().normalize();
        long[] sizes = { 1_000, 100_000, 1_000_000 };
        int clients = 4;
        double seconds = 20;
        double warmup = 20;
        int queries = 300;
        boolean risk = false;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--sizes" -> sizes = Arrays.stream(args[i + 1].split(",")).mapToLong(Long::parseLong).toArray();
                case "--clients" -> clients = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Double.parseDouble(args[i + 1]);
                case "--warmup" -> warmup = Double.parseDouble(args[i + 1]);
                case "--queries" -> queries = Integer.parseInt(args[i + 1]);
                case "--risk" -> risk = "on".equals(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path out = home.resolve("benchmarks/target/scale");
        Files.createDirectories(out);
        List<Row> rows = new ArrayList<>();
        for (long size : sizes) {
            Row row = measure(home, out.resolve("n" + size), size, clients, seconds, warmup, queries, risk);
            rows.add(row);
            print(List.of(row), clients, System.out);
        }
        System.out.println();
        print(rows, clients, System.out);
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out.resolve("scale.csv")))) {
            csv.println("size,generate_s,ready_ms,logins_per_s,login_p50_ms,login_p99_ms,inbox_p50_ms,inbox_p99_ms,"
                    + "log_p50_ms,log_p99_ms,newest_p50_ms,newest_p99_ms,auth_db_bytes,otp_db_bytes,sim_db_bytes,"
                    + "all_db_bytes,rss_kib");
            for (Row r : rows) {
                csv.printf(Locale.ROOT, "%d,%.1f,%d,%.2f,%.1f,%.1f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%d,%d,%d,%d,%d%n",
                        r.size(), r.generateSeconds(), r.readyMillis(), r.loginsPerSecond(), r.loginP50(),
                        r.loginP99(), r.inbox().ms(50), r.inbox().ms(99), r.deliveryLog().ms(50),
                        r.deliveryLog().ms(99), r.newest().ms(50), r.newest().ms(99), r.authBytes(), r.otpBytes(),
                        r.simBytes(), r.allDbBytes(), r.rssKib());
            }
        }
        System.out.println("Written: " + home.relativize(out.resolve("scale.csv")));
    }

    private static Row measure(Path home, Path dataDir, long size, int clients, double seconds, double warmup,
            int queries, boolean risk) throws Exception {
        Directories.deleteTree(dataDir);
        Path db = dataDir.resolve("db");
        try (LockstepTarget target = new LockstepTarget(home, dataDir, 18081, 19092)) {
            target.start();
            makeReference(target.client());
        }
        long t0 = System.nanoTime();
        GeneratedRows.write(db, REFERENCE, size);
        double generated = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "%,d accounts and messages written in %.1f s%n", size, generated);
        try (LockstepTarget target = new LockstepTarget(home, dataDir, 18081, 19092)) {
            target.start();
            SandboxClient client = target.client();
            expectGenerated(client, size);
            if (risk) {
                SandboxClient.expect(200, "turning the risk engine on", client.call("PUT", Service.AUTH,
                        "/v1/admin/risk", SandboxClient.map("enabled", true), client.adminToken()));
            }
            LoginLoad.run(target, () -> GeneratedRows.username(random(size)), PASSWORD, clients, warmup);
            LoginLoad.Round logins = LoginLoad.run(target, () -> GeneratedRows.username(random(size)), PASSWORD,
                    clients, seconds);
            Percentiles inbox = time(queries, () -> client.call("GET", Service.SIM,
                    "/v1/phones/" + HttpJson.encode(GeneratedRows.phone(random(size))) + "/messages", null, null));
            Percentiles log = time(queries, () -> client.call("GET", Service.SIM, "/v1/messages?limit=20&to="
                    + HttpJson.encode(GeneratedRows.phone(random(size))), null, client.adminToken()));
            Percentiles newest = time(queries, () -> client.call("GET", Service.SIM, "/v1/messages?limit=50", null,
                    client.adminToken()));
            return new Row(size, generated, target.readyMillis(), logins.loginsPerSecond(), logins.ms(50),
                    logins.ms(99), inbox, log, newest, bytes(db, "auth-service"), bytes(db, "otp-service"),
                    bytes(db, "sms-gateway-sim"), bytes(db, ""), target.rssKib());
        }
    }

    /** The account the generated ones copy: signed in once with a code (so that a message exists), then second factor off. */
    private static void makeReference(SandboxClient client) {
        client.createAccount(REFERENCE.username(), PASSWORD, REFERENCE.phone()); // returns once its phone is a factor
        String challenge = client.login(REFERENCE.username(), PASSWORD);
        SandboxClient.Message message = client.awaitMessage(REFERENCE.phone(), Duration.ofSeconds(60));
        client.verify(challenge, message.code());
        client.setMfaMode(REFERENCE.username(), "off", "benchmark: password logins over generated accounts");
    }

    /** The sandbox serves what was written behind its back: the last account signs in, its number has its message. */
    private static void expectGenerated(SandboxClient client, long size) {
        int status = client.loginReply(GeneratedRows.username(size), PASSWORD).status();
        HttpJson.Reply inbox = client.call("GET", Service.SIM,
                "/v1/phones/" + HttpJson.encode(GeneratedRows.phone(size)) + "/messages", null, null);
        if (status != 200 || inbox.status() != 200 || inbox.body().size() != 1) {
            throw new IllegalStateException("the generated rows are not served: login " + status + ", inbox "
                    + inbox.status() + " " + inbox.body());
        }
    }

    private static long random(long size) {
        return 1 + ThreadLocalRandom.current().nextLong(size);
    }

    /** One client's calls one after another; each must answer 200. */
    private static Percentiles time(int calls, Supplier<HttpJson.Reply> call) {
        long[] nanos = new long[calls];
        for (int i = 0; i < calls; i++) {
            long t0 = System.nanoTime();
            HttpJson.Reply reply = call.get();
            nanos[i] = System.nanoTime() - t0;
            if (reply.status() != 200) {
                throw new IllegalStateException("a query failed: " + reply.status() + " " + reply.body());
            }
        }
        return new Percentiles(nanos);
    }

    /** The size on disk of the H2 files whose names start with {@code service} (all of them for ""). */
    private static long bytes(Path db, String service) throws IOException {
        try (Stream<Path> files = Files.list(db)) {
            return files.filter(f -> f.getFileName().toString().startsWith(service))
                    .mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static void print(List<Row> rows, int clients, PrintStream to) {
        to.printf(Locale.ROOT, "%10s %9s %8s | %9s %9s %9s | %12s | %12s | %12s | %8s %8s %8s %8s | %8s%n",
                "size", "generate", "ready", "logins/s", "p50 ms", "p99 ms", "inbox 50/99", "log 50/99",
                "newest 50/99", "auth MiB", "otp MiB", "sim MiB", "all MiB", "RSS MiB");
        for (Row r : rows) {
            to.printf(Locale.ROOT, "%,10d %8.1fs %7.1fs | %9.1f %9.1f %9.1f | %5.1f/%6.1f | %5.1f/%6.1f | %5.1f/%6.1f"
                    + " | %8.1f %8.1f %8.1f %8.1f | %8.0f%n", r.size(), r.generateSeconds(), r.readyMillis() / 1000.0,
                    r.loginsPerSecond(), r.loginP50(), r.loginP99(), r.inbox().ms(50), r.inbox().ms(99),
                    r.deliveryLog().ms(50), r.deliveryLog().ms(99), r.newest().ms(50), r.newest().ms(99),
                    mib(r.authBytes()), mib(r.otpBytes()), mib(r.simBytes()), mib(r.allDbBytes()), r.rssKib() / 1024.0);
        }
        to.printf("(password logins of random generated accounts at %d clients; queries from one client)%n", clients);
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
