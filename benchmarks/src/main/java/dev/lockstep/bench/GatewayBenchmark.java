package dev.lockstep.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures the simulated network of a running sandbox: messages per second through the gateway
 * ({@code POST /v1/messages}: rules, phone state, receipts into the outbox, all committed) with no
 * rules and with 50 rules active, and the time rule evaluation adds to each message, as the gateway
 * reports it in its {@code Server-Timing} header (locking the rules and choosing the one that fires).
 *
 * <p>
 * It resets the simulator (rules, messages, phones) before and after: run it on a sandbox whose
 * simulator state you do not need. Usage:
 * {@code ./lockstep bench-gateway [--messages 2000] [--clients 4] [--data-dir .lockstep]}
 */
public final class GatewayBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RULES_TIMING = Pattern.compile("rules;dur=([0-9.]+)");
    private static final int RULES = 50;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String sim;
    private final String adminToken;
    private final AtomicLong numbers = new AtomicLong(10_000_000L);

    private GatewayBenchmark(String sim, String adminToken) {
        this.sim = sim;
        this.adminToken = adminToken;
    }

    /** One message: its round trip as the client saw it, and the rule evaluation the gateway reported. */
    record Sample(long roundTripNanos, long ruleNanos) {
    }

    public static void main(String[] args) throws Exception {
        int messages = 2000;
        int clients = 4;
        Path dataDir = Path.of(".lockstep");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--messages" -> messages = Integer.parseInt(args[i + 1]);
                case "--clients" -> clients = Integer.parseInt(args[i + 1]);
                case "--data-dir" -> dataDir = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        RunningSandbox sandbox = RunningSandbox.in(dataDir);
        GatewayBenchmark bench = new GatewayBenchmark(sandbox.urls().get("sms-gateway-sim"), sandbox.adminToken());
        bench.run(messages, clients);
    }

    private void run(int messages, int clients) throws Exception {
        reset();
        System.out.printf("Warming up with %d messages…%n", messages / 2);
        runClients(clients, messages / 2);

        List<Sample> bareSingle = runClients(1, messages);
        long started = System.nanoTime();
        List<Sample> bareLoaded = runClients(clients, messages);
        double bareSeconds = (System.nanoTime() - started) / 1e9;

        addRules(false);
        List<Sample> targetedSingle = runClients(1, messages);
        started = System.nanoTime();
        List<Sample> targetedLoaded = runClients(clients, messages);
        double targetedSeconds = (System.nanoTime() - started) / 1e9;
        reset();

        addRules(true);
        List<Sample> broadSingle = runClients(1, messages);
        started = System.nanoTime();
        List<Sample> broadLoaded = runClients(clients, messages);
        double broadSeconds = (System.nanoTime() - started) / 1e9;
        reset();

        System.out.printf("%nLockstep gateway benchmark (%d messages per phase, SMS to healthy phones)%n", messages);
        System.out.println("No rules:");
        report(bareSingle, bareLoaded, bareSeconds, clients);
        System.out.printf("%d rules active, none matching the traffic (rules aimed at other numbers, prefixes, carriers):%n",
                RULES);
        report(targetedSingle, targetedLoaded, targetedSeconds, clients);
        System.out.printf("%d rules active, %d of them matching every message without firing:%n", RULES, RULES / 5);
        report(broadSingle, broadLoaded, broadSeconds, clients);
    }

    private static void report(List<Sample> single, List<Sample> loaded, double seconds, int clients) {
        System.out.println("  rule evaluation, one client (gateway's own timing): "
                + new Percentiles(single.stream().mapToLong(Sample::ruleNanos).toArray()).fineLine());
        System.out.println("  send round trip, one client:                       "
                + new Percentiles(single.stream().mapToLong(Sample::roundTripNanos).toArray()).line());
        System.out.printf("  throughput, %d clients:                              %.0f messages/s%n", clients,
                loaded.size() / seconds);
    }

    /**
     * Fifty rules of the kinds a QA suite sets: numbers, prefixes, countries, carriers, kinds. With
     * {@code broad}, a fifth of them match every benchmark message but never fire (probability 0), so
     * each message pays for locking and counting them; otherwise none matches what the benchmark sends.
     */
    private void addRules(boolean broad) throws IOException, InterruptedException {
        for (int i = 0; i < RULES; i++) {
            String rule = switch (i % 5) {
                case 0 -> "{\"match\":{\"number\":\"+447911" + String.format("%06d", 100_000 + i)
                        + "\"},\"effect\":{\"type\":\"drop\"}}";
                case 1 -> "{\"match\":{\"prefix\":\"+3491" + i + "\"},\"effect\":{\"type\":\"delay\",\"delay\":\"PT30S\"}}";
                case 2 -> "{\"match\":{\"country\":\"" + (broad ? "JP" : "ES") + "\",\"kind\":\"alert\"},"
                        + "\"effect\":{\"type\":\"drop\"},\"trigger\":{\"probability\":0.0}}";
                case 3 ->
                    "{\"match\":{\"carrier\":\"Carrier " + i + "\"},\"effect\":{\"type\":\"reject\",\"errorCode\":30008}}";
                default -> "{\"match\":{\"channel\":\"email\"},\"effect\":{\"type\":\"duplicate\"},\"trigger\":{\"everyNth\":"
                        + (i + 2) + "}}";
            };
            HttpResponse<String> added = post("/v1/faults", rule);
            if (added.statusCode() != 201) {
                throw new IllegalStateException("cannot add a rule: " + added.statusCode() + " " + added.body());
            }
        }
    }

    private List<Sample> runClients(int clients, int messages) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<List<Sample>>> results = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int share = messages / clients + (c < messages % clients ? 1 : 0);
                results.add(pool.submit(() -> sendRepeatedly(share)));
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

    /** One client: a message at a time, each to a fresh Japanese mobile number. */
    private List<Sample> sendRepeatedly(int times) throws IOException, InterruptedException {
        List<Sample> samples = new ArrayList<>(times);
        for (int i = 0; i < times; i++) {
            String to = "+8180" + numbers.incrementAndGet();
            long t0 = System.nanoTime();
            HttpResponse<String> sent = post("/v1/messages",
                    JSON.writeValueAsString(Map.of("to", to, "text", "Your Lockstep code is 246810")));
            long roundTrip = System.nanoTime() - t0;
            if (sent.statusCode() != 201) {
                throw new IllegalStateException("send failed: " + sent.statusCode() + " " + sent.body());
            }
            Matcher timing = RULES_TIMING.matcher(sent.headers().firstValue("Server-Timing").orElse(""));
            if (!timing.find()) {
                throw new IllegalStateException("the gateway reported no rule timing");
            }
            samples.add(new Sample(roundTrip, (long) (Double.parseDouble(timing.group(1)) * 1_000_000)));
        }
        return samples;
    }

    private void reset() throws IOException, InterruptedException {
        HttpResponse<String> reset = post("/v1/reset", "");
        if (reset.statusCode() != 204) {
            throw new IllegalStateException("cannot reset the simulator: " + reset.statusCode() + " " + reset.body());
        }
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(sim + path))
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
