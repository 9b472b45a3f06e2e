package dev.lockstep.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lockstep.client.HttpJson;
import dev.lockstep.client.SandboxClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code ./lockstep up}: starts the real Kafka broker and the four services, waits until all are
 * ready, makes sure the demo account exists, prints where everything is, and on Ctrl-C stops every
 * process it started. Data stays in the data directory for the next run.
 */
public final class Launcher {

    public static final String DEMO_USER = "demo";
    public static final String DEMO_PASSWORD = "lockstep-demo";
    public static final String DEMO_PHONE = "+819012345678";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Set once Ctrl-C (or SIGTERM) began the shutdown: services going away are then expected. */
    private static volatile boolean STOPPING;

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !args[0].equals("up")) {
            usage();
            System.exit(args.length == 0 || args[0].equals("help") || args[0].equals("--help") ? 0 : 2);
        }
        SandboxOptions options = new SandboxOptions().home(Path.of(System.getProperty("lockstep.home", ".")));
        Path scenario = null;
        for (int i = 1; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--data-dir" -> options.dataDir(Path.of(require(args[i], value)));
                case "--kafka-port" -> options.kafkaPort(Integer.parseInt(require(args[i], value)));
                case "--http-port-base" -> options.httpPortBase(Integer.parseInt(require(args[i], value)));
                case "--db" -> options.database(SandboxOptions.Database.parse(require(args[i], value)));
                case "--postgres-port" -> options.postgresPort(Integer.parseInt(require(args[i], value)));
                case "--scenario" -> scenario = Path.of(require(args[i], value));
                case "--otlp-endpoint" -> options.otlpEndpoint(require(args[i], value));
                default -> {
                    System.err.println("unknown option " + args[i]);
                    usage();
                    System.exit(2);
                }
            }
            i++;
        }
        if (scenario != null && !Files.isReadable(scenario)) {
            System.err.println("no scenario file at " + scenario);
            System.exit(2);
        }
        Path dataDir = options.dataDir();
        Files.createDirectories(dataDir);
        String adminToken = secret(dataDir.resolve("admin-token"));
        options.adminToken(adminToken).internalToken(secret(dataDir.resolve("internal-token")));

        Sandbox sandbox = new Sandbox(options);
        Path runFile = dataDir.resolve("sandbox.json");
        Thread stopper = new Thread(() -> {
            STOPPING = true;
            System.out.println();
            System.out.println("Stopping Lockstep…");
            try {
                sandbox.close();
                Files.deleteIfExists(runFile);
            } catch (InterruptedException | IOException e) {
                Thread.currentThread().interrupt();
            }
            System.out.println("Stopped. Data kept in " + dataDir);
        }, "lockstep-stop");
        Runtime.getRuntime().addShutdownHook(stopper);

        System.out.println("Starting Kafka and the four Lockstep services (logs in " + dataDir.resolve("logs") + ")…");
        try {
            sandbox.start(Duration.ofSeconds(180));
        } catch (IllegalStateException e) {
            System.err.println("Lockstep could not start: " + e.getMessage());
            System.exit(1);
        }
        String loaded = null;
        String demoId = null;
        SandboxClient client = sandbox.client(adminToken, options.internalToken);
        if (scenario != null) {
            loaded = loadScenario(client, scenario);
        } else {
            demoId = ensureDemoAccount(client);
        }
        DemoClient.ensure(sandbox, client);
        writeRunFile(runFile, sandbox);
        printBanner(sandbox, options, adminToken, demoId, loaded);

        while (true) {
            Thread.sleep(500);
            String dead = sandbox.firstDead();
            if (dead != null && !STOPPING) {
                System.err.println(dead + " stopped unexpectedly; stopping the sandbox. Last lines of its log:");
                System.err.println(sandbox.logTail(dead, 30));
                System.exit(1);
            }
        }
    }

    private static String require(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    private static void usage() {
        System.out.println("""
                usage: ./lockstep up [--data-dir DIR] [--kafka-port 9092] [--http-port-base 8081]
                                     [--db h2|postgresql] [--postgres-port 5433] [--scenario FILE]
                                     [--otlp-endpoint URL]
                  Starts a real Kafka broker and auth-service, otp-service, sms-gateway-sim and
                  recovery-service with H2 databases under DIR (default .lockstep), prints their URLs,
                  the admin token and the demo account, and stops everything on Ctrl-C.
                  --db postgresql keeps the data in a private PostgreSQL cluster under DIR instead,
                  made from the machine's PostgreSQL binaries (Debian's postgresql package).
                  --scenario FILE resets the sandbox to a scenario's starting state instead of making
                  the demo account (e.g. sms-gateway-sim/src/main/resources/scenarios/*.yaml).
                  --otlp-endpoint URL traces every HTTP call and Kafka hop and exports the spans over
                  OTLP/HTTP (e.g. http://127.0.0.1:4318/v1/traces); without it nothing is traced.""");
    }

    /** A random token kept in a file readable by the owner only; made on the first run. */
    static String secret(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Files.writeString(file, token + "\n");
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system; the file stays with default permissions
        }
        return token;
    }

    /**
     * Loads a scenario file's starting state (the sandbox is reset first; the steps are not played)
     * and returns a line saying what was loaded.
     */
    static String loadScenario(SandboxClient client, Path file) throws IOException {
        JsonNode report;
        try {
            report = client.loadScenario(Files.readString(file), false);
        } catch (SandboxClient.LockstepException e) {
            JsonNode problem = e.reply().body();
            throw new IllegalStateException("the scenario " + file + " did not load: " + problem.path("title").asText()
                    + (problem.hasNonNull("detail") ? " (" + problem.get("detail").asText() + ")" : ""));
        }
        return report.get("name").asText() + ", starting state loaded (" + report.get("accounts").asInt() + " accounts)";
    }

    /** Creates the demo account on first run and waits until its phone is a usable factor. */
    static String ensureDemoAccount(SandboxClient client) {
        HttpJson.Reply created = client.call("POST", dev.lockstep.client.Service.AUTH, "/v1/admin/accounts",
                Map.of("username", DEMO_USER, "password", DEMO_PASSWORD, "phone", DEMO_PHONE), client.adminToken());
        String id;
        if (created.status() == 201) {
            id = created.body().get("id").asText();
        } else if (created.status() == 409) {
            id = client.account(DEMO_USER).get("id").asText();
        } else {
            throw new IllegalStateException("cannot create the demo account: " + created.status() + " " + created.body());
        }
        client.awaitPhoneFactor(id, Duration.ofSeconds(30));
        return id;
    }

    private static void writeRunFile(Path runFile, Sandbox sandbox) throws IOException {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("readyMillis", sandbox.readyMillis());
        run.put("pids", sandbox.pids());
        Map<String, String> urls = new LinkedHashMap<>();
        for (Service service : Service.values()) {
            urls.put(service.moduleName(), sandbox.url(service));
        }
        run.put("urls", urls);
        run.put("httpsUrls", Map.of(Service.AUTH.moduleName(), sandbox.httpsUrl(Service.AUTH),
                Service.SIM.moduleName(), sandbox.httpsUrl(Service.SIM)));
        run.put("caFile", sandbox.caFile().toString());
        Files.writeString(runFile, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(run));
    }

    private static void printBanner(Sandbox sandbox, SandboxOptions options, String adminToken, String demoId,
            String scenario) {
        String sim = sandbox.url(Service.SIM);
        String who = scenario != null
                ? String.format("  Scenario          %s%n", scenario)
                : String.format("  Demo account      %s / %s, trusted phone %s (account id %s)%n"
                        + "  Demo inbox        %s/v1/phones/%s/messages%n",
                        DEMO_USER, DEMO_PASSWORD, DEMO_PHONE, demoId, sim, DEMO_PHONE);
        System.out.printf("""

                Lockstep is up (ready in %.1f s).

                  auth-service      %s   login, tokens, JWKS, admin API
                  otp-service       %s   second factors and codes
                  sms-gateway-sim   %s   virtual phones, inboxes, sandbox clock
                  recovery-service  %s   account recovery
                  Kafka broker      %s:%d
                  Databases         %s
                  Console           %s/console/index.html   (paste the admin token)
                  Swagger UI        <service URL>/q/swagger-ui
                  Metrics           <service URL>/q/metrics   (Prometheus text)%s

                  OpenID issuer     %s   (discovery: /.well-known/openid-configuration)
                    and over HTTPS  %s   (trust the sandbox's CA: %s)
                  Demo client       %s   (public, PKCE S256, redirect %s)

                  Admin token       %s   (also in %s)
                %s
                Press Ctrl-C to stop. Data stays in %s.
                """,
                sandbox.readyMillis() / 1000.0,
                sandbox.url(Service.AUTH), sandbox.url(Service.OTP), sim, sandbox.url(Service.RECOVERY),
                options.host(), options.kafkaPort(),
                sandbox.postgres() != null
                        ? "PostgreSQL " + options.host() + ":" + sandbox.postgres().port() + " (one database per service)"
                        : "H2 files in " + options.dataDir().resolve("db"),
                sim,
                options.otlpEndpoint() != null ? String.format("%n  Traces            OTLP to %s", options.otlpEndpoint()) : "",
                sandbox.url(Service.AUTH), sandbox.httpsUrl(Service.AUTH), sandbox.caFile(),
                DemoClient.CLIENT_ID, DemoClient.REDIRECT_URI,
                adminToken, options.dataDir().resolve("admin-token"),
                who,
                options.dataDir());
        System.out.flush();
    }
}
