package dev.lockstep.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lockstep.client.HttpJson;
import dev.lockstep.client.SandboxClient;
import dev.lockstep.client.Service;
import dev.lockstep.launcher.TraceReceiver;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

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

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "benchmark password";

    /** For the long poll on the phone's inbox, which runs beside the login. */
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final SandboxClient client;
    private final String sim;

    private LoginBenchmark(RunningSandbox sandbox) {
        this.client = sandbox.client("login-benchmark");
        this.sim = client.url(Service.SIM, "");
    }

    record Account(String id, String username, String phone) {
    }

    record Sample(long loginNanos, long deliveryNanos, long verifyNanos) {
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
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            accounts.add(createAccount());
        }
        System.out.printf("Warming up with %d logins…%n", warmup);
        runClients(accounts, warmup);

        System.out.printf("Latency: %d logins, one client at a time…%n", logins);
        if (traces != null) {
            traces.clear();
        }
        List<Sample> single = runClients(accounts.subList(0, 1), logins);
        List<long[]> hops = traces != null ? awaitTraced(traces, logins) : List.of();
        System.out.printf("Throughput: %d logins, %d concurrent clients…%n", logins, clients);
        long started = System.nanoTime();
        List<Sample> loaded = runClients(accounts, logins);
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

    private static void report(List<Sample> samples) {
        System.out.println("  code delivery (login response -> code in inbox): "
                + new Percentiles(samples.stream().mapToLong(Sample::deliveryNanos).toArray()).line());
        System.out.println("  login (password, challenge):                     "
                + new Percentiles(samples.stream().mapToLong(Sample::loginNanos).toArray()).line());
        System.out.println("  verify (code -> signed token):                   "
                + new Percentiles(samples.stream().mapToLong(Sample::verifyNanos).toArray()).line());
    }

    private List<Sample> runClients(List<Account> accounts, int logins) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(accounts.size());
        try {
            List<Future<List<Sample>>> results = new ArrayList<>();
            for (int c = 0; c < accounts.size(); c++) {
                Account account = accounts.get(c);
                int share = logins / accounts.size() + (c < logins % accounts.size() ? 1 : 0);
                results.add(pool.submit(() -> loginRepeatedly(account, share)));
            }
            List<Sample> all = new ArrayList<>();
            for (Future<List<Sample>> result : results) {
                all.addAll(result.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One client: log in, wait for the code on the phone, verify it; repeat. One login at a time per phone. */
    private List<Sample> loginRepeatedly(Account account, int times) throws IOException, InterruptedException {
        List<Sample> samples = new ArrayList<>(times);
        String lastMessage = client.newestMessageId(account.phone());
        for (int i = 0; i < times; i++) {
            URI next = URI.create(sim + "/v1/phones/" + account.phone() + "/messages/next?timeout=PT10S"
                    + (lastMessage != null ? "&after=" + lastMessage : ""));
            CompletableFuture<HttpResponse<String>> arriving = http.sendAsync(
                    HttpRequest.newBuilder(next).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (lastMessage == null) {
                Thread.sleep(50); // let the very first wait register before anything can arrive
            }
            long t0 = System.nanoTime();
            HttpJson.Reply login = client.loginReply(account.username(), PASSWORD);
            long loggedIn = System.nanoTime();
            if (login.status() != 200) {
                throw new IllegalStateException("login failed: " + login.status() + " " + login.body());
            }
            String challengeId = login.body().get("challengeId").asText();
            HttpResponse<String> message = arriving.join();
            long delivered = System.nanoTime();
            if (message.statusCode() != 200) {
                throw new IllegalStateException("no code arrived within 10 s (status " + message.statusCode() + ")");
            }
            JsonNode body = JSON.readTree(message.body());
            lastMessage = body.get("id").asText();
            HttpJson.Reply verified = client.verifyReply(challengeId, body.get("code").asText());
            long done = System.nanoTime();
            if (verified.status() != 200) {
                throw new IllegalStateException("verify failed: " + verified.status() + " " + verified.body());
            }
            samples.add(new Sample(loggedIn - t0, Math.max(0, delivered - loggedIn), done - delivered));
        }
        return samples;
    }

    private Account createAccount() {
        String username = "bench-" + UUID.randomUUID().toString().substring(0, 12);
        String phone = "+8170" + ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
        // a handset holds 1000 messages by default and then refuses more (30008, storage full): room for a long run
        client.setPhoneState(phone, Map.of("inboxCapacity", 100_000));
        return new Account(client.createAccount(username, PASSWORD, phone), username, phone);
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
