package dev.lockstep.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lockstep.client.HttpJson;
import dev.lockstep.client.SandboxClient;
import dev.lockstep.client.Service;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What brute-force protection and the risk engine cost, and whether lockout holds under a burst,
 * measured on a running sandbox (./lockstep up). It changes the sandbox's lockout and risk settings
 * and puts them back to off at the end, so use a sandbox whose settings you do not need.
 *
 * <ol>
 * <li>Overhead: password-only logins (second factor off, so the login path alone is measured) with
 * four clients, in alternating rounds with protection off (lockout off, risk off) and on (lockout
 * {@code keycloak-default}, risk on); throughput and latency of each, and the difference.
 * <li>Burst: 200 wrong passwords at once (16 clients) on an account whose policy locks permanently at
 * the 25th failure, then 20 right ones: the count the lock took, and how many right ones got in.
 * <li>No enumeration by timing: the latency of an unknown user, a wrong password and a locked
 * account (one client), which should be alike.
 * </ol>
 *
 * <p>
 * Usage: {@code ./lockstep bench-lockout [--logins 400] [--rounds 3] [--data-dir .lockstep]}
 */
public final class LockoutBenchmark {

    private static final String PASSWORD = "benchmark password";
    private static final int CLIENTS = 4;

    private final SandboxClient client;

    private LockoutBenchmark(RunningSandbox sandbox) {
        this.client = sandbox.client("lockout-benchmark");
    }

    /** One round's figures. */
    record Round(double loginsPerSecond, Percentiles latency) {
    }

    public static void main(String[] args) throws Exception {
        int logins = 400;
        int rounds = 3;
        Path dataDir = Path.of(".lockstep");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--logins" -> logins = Integer.parseInt(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--data-dir" -> dataDir = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        LockoutBenchmark bench = new LockoutBenchmark(RunningSandbox.in(dataDir));
        try {
            bench.overhead(logins, rounds);
            String locked = bench.burst();
            bench.refusals(locked, 200);
        } finally {
            bench.protection(false);
        }
    }

    private void overhead(int logins, int rounds) throws Exception {
        List<String> users = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            users.add(passwordOnlyAccount());
        }
        System.out.printf("Warming up (%d logins)…%n", logins / 2);
        protection(false);
        timedLogins(users, logins / 2);
        List<Round> off = new ArrayList<>();
        List<Round> on = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            protection(false);
            off.add(timedLogins(users, logins));
            protection(true);
            on.add(timedLogins(users, logins));
            System.out.printf("  round %d: off %.1f logins/s, on %.1f logins/s%n", r + 1,
                    off.get(r).loginsPerSecond(), on.get(r).loginsPerSecond());
        }
        double offMean = off.stream().mapToDouble(Round::loginsPerSecond).average().orElseThrow();
        double onMean = on.stream().mapToDouble(Round::loginsPerSecond).average().orElseThrow();
        System.out.printf("%nPassword logins, %d clients, %d logins per round, %d rounds each%n", CLIENTS, logins, rounds);
        System.out.printf("  protection off: %.1f logins/s; last round latency %s%n", offMean,
                off.get(rounds - 1).latency().line());
        System.out.printf("  protection on:  %.1f logins/s; last round latency %s%n", onMean,
                on.get(rounds - 1).latency().line());
        System.out.printf("  overhead of lockout + risk: %.1f %% of throughput (target <= 10 %%)%n",
                (offMean - onMean) / offMean * 100);
    }

    /** Returns the account it locked. */
    private String burst() throws Exception {
        protection(true);
        String user = passwordOnlyAccount();
        send("PUT", "/v1/admin/accounts/" + user + "/lockout-policy",
                Map.of("mode", "permanent", "failureFactor", 25), 200);
        long started = System.nanoTime();
        List<Integer> wrong = concurrently(user, "not the password", 200, 16);
        double seconds = (System.nanoTime() - started) / 1e9;
        JsonNode view = send("GET", "/v1/admin/accounts/" + user, null, 200);
        List<Integer> right = concurrently(user, PASSWORD, 20, 16);
        System.out.printf("%nBurst: 200 wrong passwords at once (16 clients), policy: permanent lock at 25%n");
        System.out.printf("  answered in %.1f s (%.0f attempts/s); all 401: %s%n", seconds, 200 / seconds,
                wrong.stream().allMatch(s -> s == 401));
        System.out.printf("  account: %s after %d counted failures (policy: 25)%n", view.get("status").asText(),
                view.get("failures").asInt());
        System.out.printf("  right password afterwards: %d of 20 got in (expected 0)%n",
                right.stream().filter(s -> s == 200).count());
        return user;
    }

    private void refusals(String locked, int each) throws Exception {
        String active = passwordOnlyAccount();
        // exempt from lockout, so that its wrong passwords stay wrong passwords and never become a lock
        send("PUT", "/v1/admin/accounts/" + active + "/lockout-policy", Map.of("preset", "off"), 200);
        Map<String, String[]> paths = new LinkedHashMap<>();
        paths.put("unknown user", new String[] { "nobody-" + UUID.randomUUID(), PASSWORD });
        paths.put("wrong password", new String[] { active, "not the password" });
        paths.put("locked account", new String[] { locked, PASSWORD });
        long[][] nanos = new long[paths.size()][each];
        List<String[]> attempts = new ArrayList<>(paths.values());
        Random order = new Random(42);
        List<Integer> slots = new ArrayList<>(List.of(0, 1, 2));
        for (int i = 0; i < each; i++) {
            // interleaved in a shuffled order: drift, and anything that slows every n-th request
            // (a garbage collection after some number of 7 MiB hashes), hit all three alike
            Collections.shuffle(slots, order);
            for (int p : slots) {
                long t0 = System.nanoTime();
                int status = login(attempts.get(p)[0], attempts.get(p)[1]).status();
                nanos[p][i] = System.nanoTime() - t0;
                if (status != 401) {
                    throw new IllegalStateException("expected 401, got " + status);
                }
            }
        }
        System.out.printf("%nRefused logins, one client, %d each, shuffled (all answer the same 401 body)%n", each);
        int p = 0;
        for (String path : paths.keySet()) {
            System.out.printf("  %-15s %s%n", path, new Percentiles(nanos[p++]).line());
        }
    }

    /** Lockout keycloak-default and the risk engine on, or both off. */
    private void protection(boolean on) throws IOException, InterruptedException {
        send("PUT", "/v1/admin/lockout", Map.of("preset", on ? "keycloak-default" : "off"), 200);
        send("PUT", "/v1/admin/risk", Map.of("enabled", on), 200);
    }

    private Round timedLogins(List<String> users, int logins) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(users.size());
        try {
            List<Future<long[]>> results = new ArrayList<>();
            long started = System.nanoTime();
            for (int c = 0; c < users.size(); c++) {
                String user = users.get(c);
                int share = logins / users.size() + (c < logins % users.size() ? 1 : 0);
                results.add(pool.submit(() -> {
                    long[] nanos = new long[share];
                    for (int i = 0; i < share; i++) {
                        long t0 = System.nanoTime();
                        HttpJson.Reply login = login(user, PASSWORD);
                        nanos[i] = System.nanoTime() - t0;
                        if (login.status() != 200) {
                            throw new IllegalStateException("login failed: " + login.status() + " " + login.body());
                        }
                    }
                    return nanos;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<long[]> result : results) {
                for (long n : result.get()) {
                    all.add(n);
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            return new Round(all.size() / seconds, new Percentiles(all.stream().mapToLong(Long::longValue).toArray()));
        } finally {
            pool.shutdownNow();
        }
    }

    private List<Integer> concurrently(String user, String password, int count, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                answers.add(pool.submit(() -> login(user, password).status()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    /** An account whose second factor is off, so that a right password signs in at once. */
    private String passwordOnlyAccount() {
        String username = "bench-" + UUID.randomUUID().toString().substring(0, 12);
        String phone = "+8170" + ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
        client.createAccount(username, PASSWORD, phone);
        client.setMfaMode(username, "off", "benchmark");
        return username;
    }

    private HttpJson.Reply login(String user, String password) {
        return client.loginReply(user, password);
    }

    /** An admin call on auth-service that must answer {@code expected}; its body. */
    private JsonNode send(String method, String path, Object body, int expected) {
        return SandboxClient.expect(expected, method + " " + path, client.call(method, Service.AUTH, path, body,
                client.adminToken()));
    }
}
