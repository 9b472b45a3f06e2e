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
import java.util.Arrays;
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
            System.err.println("lockstep: the launcher runs `up`; ./lockstep help lists every command");
            System.exit(2);
        }
        UpArguments up;
        try {
            up = UpArguments.parse(Arrays.copyOfRange(args, 1, args.length),
                    Path.of(System.getProperty("lockstep.home", ".")), System.getenv());
        } catch (UpArguments.UsageException e) {
            System.err.println("lockstep up: " + e.getMessage() + "\n  (./lockstep up --help lists the options)");
            System.exit(2);
            return;
        }
        SandboxOptions options = up.options.demo(!up.empty);
        Path scenario = up.scenario;
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

        String advice = sandbox.startupAdvice();
        if (advice != null) {
            System.out.println(advice);
        }
        System.out.println("Starting Kafka and the four Lockstep services (logs in " + dataDir.resolve("logs") + ")…");
        try {
            sandbox.start(Duration.ofSeconds(180));
        } catch (Ports.PortTakenException e) {
            System.err.println("Lockstep could not start: " + e.getMessage());
            System.exit(2);
        } catch (IllegalStateException e) {
            System.err.println("Lockstep could not start: " + e.getMessage());
            System.exit(1);
        }
        String loaded = null;
        SandboxClient client = sandbox.client(adminToken, options.internalToken);
        if (scenario != null) {
            loaded = loadScenario(client, scenario);
        }
        JsonNode demo = ensureDemo(client);
        writeRunFile(runFile, sandbox);
        printBanner(sandbox, options, adminToken, demo, loaded);

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

    /**
     * The demo client, and the demo account unless the sandbox runs empty (sms-gateway-sim's demo
     * fixtures, which every reset makes again), once the account's phone is a usable factor.
     */
    static JsonNode ensureDemo(SandboxClient client) {
        HttpJson.Reply demo = client.call("POST", dev.lockstep.client.Service.SIM, "/v1/sandbox/demo", null,
                client.adminToken());
        if (demo.status() != 200) {
            throw new IllegalStateException("cannot make the demo fixtures: " + demo.status() + " " + demo.body());
        }
        return demo.body();
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

    private static void printBanner(Sandbox sandbox, SandboxOptions options, String adminToken, JsonNode demo,
            String scenario) {
        String demoId = demo.path("account").path("id").asText(null);
        String sim = sandbox.url(Service.SIM);
        String who = (scenario != null ? String.format("  Scenario          %s%n", scenario) : "")
                + (demoId != null ? String.format("  Demo account      %s / %s, trusted phone %s (account id %s)%n"
                        + "  Demo inbox        %s/v1/phones/%s/messages%n"
                        + "                    (a sandbox reset makes the demo account again; ?keepDemo=false does not)%n",
                        DEMO_USER, DEMO_PASSWORD, DEMO_PHONE, demoId, sim, DEMO_PHONE)
                        : String.format("  Demo account      none (--empty)%n"));
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
                demo.path("clientId").asText(), demo.path("redirectUri").asText(),
                adminToken, options.dataDir().resolve("admin-token"),
                who,
                options.dataDir());
        System.out.flush();
    }
}
