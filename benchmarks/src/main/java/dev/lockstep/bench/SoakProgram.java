package dev.lockstep.bench;

import dev.lockstep.client.HttpJson;
import dev.lockstep.client.SandboxClient;
import dev.lockstep.client.Service;
import dev.lockstep.launcher.ConsumerLag;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A soak: mixed load on a running sandbox ({@code ./lockstep up}) for a while — logins with an SMS
 * code, wrong passwords, wrong codes, waiting-period recoveries — while once a minute a fault rule
 * drops the next text to one of the numbers and the sandbox clock moves an hour ahead. First every
 * retention rule is set to keep rows for {@code --keep} of sandbox time (so that, with the clock's
 * hour a minute, rows age out within the run). Each minute it records every process's memory (RSS)
 * and open files, the databases' size on disk (H2's files, or PostgreSQL's tables), the rows the
 * tables with a retention rule hold, and the consumers' lag on the broker; at the end every
 * attempt's outcome is counted, and attempts started but never finished (which must be none) are
 * named.
 *
 * <p>
 * Usage: {@code ./lockstep soak [--minutes 30] [--clients 4] [--keep PT12H] [--kafka 127.0.0.1:9092]
 * [--data-dir .lockstep]}. Refresh tokens live 30 sandbox days, longer than a run: start the sandbox with
 * {@code LOCKSTEP_AUTH_TOKEN_REFRESH_TTL=PT6H ./lockstep up} to see sessions and tokens age out too.
 */
public final class SoakProgram {

    private static final String PASSWORD = "soak password 2026";
    private static final int ACCOUNTS_PER_CLIENT = 8;

    private final RunningSandbox sandbox;
    private final Path dataDir;
    private final ConsumerLag lag;
    private final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
    private final AtomicLong started = new AtomicLong();
    private final List<Minute> minutes = new ArrayList<>();

    /** One minute's record. */
    record Minute(int minute, long rssKib, long openFiles, long databaseBytes, long keptRows, long lag, long attempts) {
    }

    private SoakProgram(RunningSandbox sandbox, Path dataDir, String kafka) {
        this.sandbox = sandbox;
        this.dataDir = dataDir;
        this.lag = new ConsumerLag(kafka, null);
    }

    public static void main(String[] args) throws Exception {
        int minutes = 30;
        int clients = 4;
        Duration keep = Duration.ofHours(12);
        String kafka = "127.0.0.1:9092";
        Path dataDir = Path.of(".lockstep");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--minutes" -> minutes = Integer.parseInt(args[i + 1]);
                case "--clients" -> clients = Integer.parseInt(args[i + 1]);
                case "--keep" -> keep = Duration.parse(args[i + 1]);
                case "--kafka" -> kafka = args[i + 1];
                case "--data-dir" -> dataDir = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        SoakProgram soak = new SoakProgram(RunningSandbox.in(dataDir), dataDir, kafka);
        try {
            soak.run(minutes, clients, keep);
        } finally {
            soak.lag.close();
        }
    }

    private void run(int minutes, int clients, Duration keep) throws Exception {
        SandboxClient control = sandbox.client("soak");
        for (Service service : Service.values()) {
            Map<String, String> keeps = new TreeMap<>();
            control.retention(service).forEach(rule -> keeps.put(rule.path("table").asText(), keep.toString()));
            control.setRetention(service, keeps);
        }
        List<String[]> accounts = new ArrayList<>();
        // eight accounts a client spread the daily bounds on wrong codes and recovery sends (a long run at
        // full speed still reaches them; the outcomes count those refusals)
        for (int i = 0; i < clients * ACCOUNTS_PER_CLIENT; i++) {
            String username = "soak-" + UUID.randomUUID().toString().substring(0, 10);
            String phone = "+8190" + ThreadLocalRandom.current().nextLong(10_000_000, 99_999_999);
            control.createAccount(Map.of("username", username, "password", PASSWORD, "phone", phone));
            accounts.add(new String[] { username, phone });
        }
        System.out.printf("Soak: %d minutes, %d clients, %d accounts; a fault and a clock hour a minute%n",
                minutes, clients, accounts.size());
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(minutes);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            List<String[]> own = accounts.subList(c * ACCOUNTS_PER_CLIENT, (c + 1) * ACCOUNTS_PER_CLIENT);
            pool.submit(() -> load(own, end));
        }
        record(0);
        for (int minute = 1; minute <= minutes; minute++) {
            long due = end - TimeUnit.MINUTES.toNanos(minutes - minute);
            while (System.nanoTime() < due) {
                HttpJson.pause(Math.max(1, Math.min(1000, (due - System.nanoTime()) / 1_000_000)));
            }
            String[] victim = accounts.get(ThreadLocalRandom.current().nextInt(accounts.size()));
            control.dropNextMessageTo(victim[1]);
            control.advanceClock(Duration.ofHours(1));
            record(minute);
        }
        pool.shutdown();
        pool.awaitTermination(2, TimeUnit.MINUTES);
        report();
    }

    /** One client's loop on its own accounts until {@code end}. */
    private void load(List<String[]> own, long end) {
        SandboxClient client = sandbox.client("soak");
        for (int i = 0; System.nanoTime() < end; i++) {
            String[] account = own.get(i % own.size());
            started.incrementAndGet();
            String outcome;
            try {
                outcome = switch (i % 10) {
                    case 6, 7 -> client.loginReply(account[0], "not the password").status() == 401 ? "refused (wrong password)"
                            : "wrong password let in";
                    case 8 -> recovery(client, account);
                    default -> login(client, account, i % 10 == 9);
                };
            } catch (RuntimeException e) {
                outcome = "error: " + e.getClass().getSimpleName();
            }
            outcomes.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
        }
    }

    /** A login with the code from the phone; {@code wrongFirst}: a wrong code before the right one. */
    private static String login(SandboxClient client, String[] account, boolean wrongFirst) {
        HttpJson.Reply reply = client.loginReply(account[0], PASSWORD);
        if (reply.status() != 200 || !reply.body().has("challengeId")) {
            return "login refused (" + reply.status() + " " + reply.body().path("type").asText("") + ")";
        }
        String challenge = reply.body().get("challengeId").asText();
        SandboxClient.Message message;
        try {
            message = client.awaitMessage(account[1], Duration.ofSeconds(10));
        } catch (IllegalStateException lost) {
            return "code lost (a fault rule dropped it)";
        }
        if (wrongFirst) {
            String wrong = "000000".equals(message.code()) ? "111111" : "000000";
            HttpJson.Reply refused = client.verifyReply(challenge, wrong);
            if (refused.status() != 401) {
                return "wrong code answered " + refused.status() + " " + refused.body().path("type").asText("");
            }
        }
        HttpJson.Reply verified = client.verifyReply(challenge, message.code());
        return verified.status() == 200 ? "signed in" + (wrongFirst ? " after a wrong code" : "")
                : "code refused (" + verified.status() + " " + verified.body().path("type").asText("") + ")";
    }

    private static String recovery(SandboxClient client, String[] account) {
        HttpJson.Reply reply = client.call("POST", Service.RECOVERY, "/v1/recovery/cases", Map.of("username", account[0],
                "trustedPhone", account[1], "recoveryPhone", "+8180" + ThreadLocalRandom.current().nextLong(10_000_000,
                        99_999_999)),
                null);
        return reply.status() == 201 ? "recovery started"
                : "recovery refused (" + reply.status() + " "
                        + reply.body().path("type").asText("") + ")";
    }

    private void record(int minute) throws IOException {
        long rss = 0;
        long files = 0;
        Map<String, Long> rssByProcess = new TreeMap<>();
        for (Map.Entry<String, Long> process : sandbox.pids().entrySet()) {
            long kib = ProcessFacts.rssKib(process.getValue());
            rssByProcess.put(process.getKey(), kib / 1024);
            rss += kib;
            files += ProcessFacts.openFiles(process.getValue());
        }
        // H2's files, or PostgreSQL's tables and indexes (its write-ahead log left out: it recycles)
        long database = bytesUnder(dataDir.resolve("db")) + bytesUnder(dataDir.resolve("postgres/data/base"));
        long attempts = outcomes.values().stream().mapToLong(AtomicLong::get).sum();
        Map<String, Long> rows = new TreeMap<>();
        SandboxClient control = sandbox.client("soak");
        for (Service service : Service.values()) {
            control.retention(service).forEach(rule -> rows.put(service.serviceName() + "." + rule.path("table").asText(),
                    rule.path("rows").asLong()));
        }
        long kept = rows.values().stream().mapToLong(Long::longValue).sum();
        Minute row = new Minute(minute, rss, files, database, kept, lag.total(), attempts);
        minutes.add(row);
        System.out.printf("minute %2d: RSS %5d MiB, open files %5d, databases %6.1f MiB, rows %7d, consumer lag %4d, "
                + "attempts %6d%n", minute, rss / 1024, files, database / 1048576.0, kept, row.lag(), attempts);
        System.out.printf("           rows by table %s%n", rows);
        System.out.printf("           RSS by process (MiB) %s%n", rssByProcess);
    }

    private static long bytesUnder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private void report() {
        long finished = outcomes.values().stream().mapToLong(AtomicLong::get).sum();
        System.out.printf("%nOutcomes of %d attempts:%n", started.get());
        new TreeMap<>(outcomes).forEach((outcome, count) -> System.out.printf("  %-50s %6d%n", outcome, count.get()));
        System.out.printf("  %-50s %6d%n", "started but never finished", started.get() - finished);
        Minute first = minutes.get(1 < minutes.size() ? 1 : 0);
        Minute last = minutes.get(minutes.size() - 1);
        System.out.printf("%nFrom minute %d to minute %d: RSS %+d MiB, open files %+d, databases %+.1f MiB, rows %+d; "
                + "largest consumer lag %d%n", first.minute(), last.minute(), (last.rssKib() - first.rssKib()) / 1024,
                last.openFiles() - first.openFiles(), (last.databaseBytes() - first.databaseBytes()) / 1048576.0,
                last.keptRows() - first.keptRows(), minutes.stream().mapToLong(Minute::lag).max().orElse(0));
    }
}
