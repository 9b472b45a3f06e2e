package dev.lockstep.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lockstep.launcher.Launcher;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
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
 * <p>Usage: {@code ./lockstep bench [--logins 500] [--clients 4] [--warmup 100] [--data-dir .lockstep]}
 */
public final class LoginBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "benchmark password";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String auth;
    private final String otp;
    private final String sim;
    private final String adminToken;
    private final String internalToken;

    private LoginBenchmark(Map<String, String> urls, String adminToken, String internalToken) {
        this.auth = urls.get("auth-service");
        this.otp = urls.get("otp-service");
        this.sim = urls.get("sms-gateway-sim");
        this.adminToken = adminToken;
        this.internalToken = internalToken;
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
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--logins" -> logins = Integer.parseInt(args[i + 1]);
                case "--clients" -> clients = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--data-dir" -> dataDir = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        RunningSandbox sandbox = RunningSandbox.in(dataDir);
        LoginBenchmark bench = new LoginBenchmark(sandbox.urls(), sandbox.adminToken(), sandbox.internalToken());
        Map<String, Long> pids = sandbox.pids();
        long rssBefore = printMemory("Memory before load (RSS)", pids);
        bench.run(logins, clients, warmup);
        printMemory("Memory after load (RSS)", pids);

        long readyMillis = sandbox.readyMillis();
        System.out.printf("%nLaunch to ready (./lockstep up, broker + 4 services): %.1f s%n", readyMillis / 1000.0);
        System.out.printf("Total RSS after start: %.0f MiB%n", rssBefore / 1024.0);
    }

    private void run(int logins, int clients, int warmup) throws Exception {
        System.out.printf("Creating %d benchmark accounts…%n", clients);
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            accounts.add(createAccount());
        }
        System.out.printf("Warming up with %d logins…%n", warmup);
        runClients(accounts, warmup);

        System.out.printf("Latency: %d logins, one client at a time…%n", logins);
        List<Sample> single = runClients(accounts.subList(0, 1), logins);
        System.out.printf("Throughput: %d logins, %d concurrent clients…%n", logins, clients);
        long started = System.nanoTime();
        List<Sample> loaded = runClients(accounts, logins);
        double seconds = (System.nanoTime() - started) / 1e9;

        System.out.printf("%nLockstep login benchmark (%d logins per phase)%n", logins);
        System.out.println("One client:");
        report(single);
        System.out.printf("%d concurrent clients:%n", clients);
        report(loaded);
        System.out.printf("  throughput (login + verify):                     %.1f logins/s%n", loaded.size() / seconds);
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
        String lastMessage = newestMessageId(account.phone());
        for (int i = 0; i < times; i++) {
            URI next = URI.create(sim + "/v1/phones/" + account.phone() + "/messages/next?timeout=PT10S"
                    + (lastMessage != null ? "&after=" + lastMessage : ""));
            CompletableFuture<HttpResponse<String>> arriving = http.sendAsync(
                    HttpRequest.newBuilder(next).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (lastMessage == null) {
                Thread.sleep(50); // let the very first wait register before anything can arrive
            }
            long t0 = System.nanoTime();
            HttpResponse<String> login = post(auth + "/v1/login",
                    Map.of("username", account.username(), "password", PASSWORD), null);
            long loggedIn = System.nanoTime();
            if (login.statusCode() != 200) {
                throw new IllegalStateException("login failed: " + login.statusCode() + " " + login.body());
            }
            String challengeId = JSON.readTree(login.body()).get("challengeId").asText();
            HttpResponse<String> message = arriving.join();
            long delivered = System.nanoTime();
            if (message.statusCode() != 200) {
                throw new IllegalStateException("no code arrived within 10 s (status " + message.statusCode() + ")");
            }
            JsonNode body = JSON.readTree(message.body());
            lastMessage = body.get("id").asText();
            HttpResponse<String> verified = post(auth + "/v1/login/" + challengeId + "/verify",
                    Map.of("code", body.get("code").asText()), null);
            long done = System.nanoTime();
            if (verified.statusCode() != 200) {
                throw new IllegalStateException("verify failed: " + verified.statusCode() + " " + verified.body());
            }
            samples.add(new Sample(loggedIn - t0, Math.max(0, delivered - loggedIn), done - delivered));
        }
        return samples;
    }

    private Account createAccount() throws IOException, InterruptedException {
        String username = "bench-" + UUID.randomUUID().toString().substring(0, 12);
        String phone = "+8170" + ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
        HttpResponse<String> created = post(auth + "/v1/admin/accounts",
                Map.of("username", username, "password", PASSWORD, "phone", phone), adminToken);
        if (created.statusCode() != 201) {
            throw new IllegalStateException("cannot create an account: " + created.statusCode() + " " + created.body());
        }
        String id = JSON.readTree(created.body()).get("id").asText();
        if (!Launcher.awaitFactor(http, otp, internalToken, id)) {
            throw new IllegalStateException("the phone of " + username + " never became a factor");
        }
        return new Account(id, username, phone);
    }

    private String newestMessageId(String phone) throws IOException, InterruptedException {
        HttpResponse<String> inbox = http.send(HttpRequest.newBuilder(
                URI.create(sim + "/v1/phones/" + phone + "/messages?limit=1")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode list = JSON.readTree(inbox.body());
        return list.isArray() && list.size() > 0 ? list.get(0).get("id").asText() : null;
    }

    private HttpResponse<String> post(String url, Object body, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Prints each process's resident memory (from /proc) and returns the total in KiB. */
    private static long printMemory(String title, Map<String, Long> pids) throws IOException {
        System.out.println();
        System.out.println(title + ":");
        long total = 0;
        for (Map.Entry<String, Long> entry : pids.entrySet()) {
            long kib = rssKib(entry.getValue());
            total += kib;
            System.out.printf("  %-18s %6.0f MiB%n", entry.getKey(), kib / 1024.0);
        }
        System.out.printf("  %-18s %6.0f MiB%n", "total", total / 1024.0);
        return total;
    }

    private static long rssKib(long pid) throws IOException {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.exists(status)) {
            return 0;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }
}
