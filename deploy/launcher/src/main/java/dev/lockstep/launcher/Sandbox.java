package dev.lockstep.launcher;

import dev.lockstep.client.HttpJson;
import dev.lockstep.client.SandboxClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The whole sandbox as processes on this machine: a real Kafka broker and the four packaged
 * services, each with its H2 database under one data directory.
 */
public final class Sandbox implements AutoCloseable {

    private final SandboxOptions options;
    private final KafkaBroker broker;
    private final LocalPostgres postgres;
    private final Map<Service, JavaProcess> services = new EnumMap<>(Service.class);
    /** auth-service instances beyond the first, on the same database (PostgreSQL only). */
    private final List<JavaProcess> extraAuth = new ArrayList<>();
    private final HttpClient http = HttpJson.newClient();
    private long readyMillis;
    private LocalCa.Certificates certificates;

    private final ServiceCommandLine commandLine;

    /** The services that also listen on HTTPS: the IdP and the console. */
    static final Set<Service> HTTPS = EnumSet.of(Service.AUTH, Service.SIM);

    public Sandbox(SandboxOptions options) {
        this.options = options;
        Path dataDir = options.dataDir();
        this.broker = new KafkaBroker(options.home().resolve("deploy/kafka-broker/target/lib"), dataDir,
                options.host(), options.kafkaPort());
        this.postgres = options.database() == SandboxOptions.Database.POSTGRESQL
                ? new LocalPostgres(dataDir.resolve("postgres"), options.host(), options.postgresPort())
                : null;
        for (Service service : Service.values()) {
            services.put(service, new JavaProcess(service.moduleName(),
                    dataDir.resolve("logs").resolve(service.moduleName() + ".log")));
        }
        if (options.authInstances() > 1 && postgres == null) {
            throw new IllegalArgumentException("several auth-service instances need PostgreSQL (--db postgresql)");
        }
        for (int n = 1; n < options.authInstances(); n++) {
            extraAuth.add(new JavaProcess("auth-service-" + (n + 1),
                    dataDir.resolve("logs").resolve("auth-service-" + (n + 1) + ".log")));
        }
        this.commandLine = new ServiceCommandLine(options, this);
    }

    /** What the JDK this runs on makes of the services' startup archives: a line to print, or null. */
    public String startupAdvice() {
        return StartupArchive.forThisJdk()
                .advice(Arrays.stream(Service.values()).map(commandLine::workDir).toList());
    }

    /** Starts everything and returns once every service reports ready. */
    public Sandbox start(Duration timeout) throws IOException, InterruptedException {
        long started = System.nanoTime();
        if (options.adminToken == null || options.internalToken == null) {
            throw new IllegalStateException("admin and internal tokens must be set");
        }
        for (Service service : Service.values()) {
            Path jar = commandLine.jar(service);
            if (!Files.exists(jar)) {
                throw new IllegalStateException(service.moduleName() + " is not built (" + jar
                        + " is missing): run ./mvnw -DskipTests package");
            }
        }
        SandboxPorts.requireFree(options, postgres != null);
        Files.createDirectories(options.dataDir().resolve("db"));
        certificates = LocalCa.ensure(options.dataDir().resolve("tls"));
        if (postgres != null) {
            postgres.start(Arrays.stream(Service.values()).map(ServiceCommandLine::databaseName).toList());
        }
        broker.start();
        for (Service service : Service.values()) {
            startService(service);
        }
        broker.awaitReady(timeout);
        broker.createTopics();
        for (Service service : Service.values()) {
            awaitReady(services.get(service), url(service), started + timeout.toNanos());
        }
        // Further auth-service instances start once the first made the schema and the signing key.
        for (int n = 1; n < options.authInstances(); n++) {
            startService(Service.AUTH, extraAuth.get(n - 1), options.authPort(n));
        }
        for (int n = 1; n < options.authInstances(); n++) {
            awaitReady(extraAuth.get(n - 1), authUrls().get(n), started + timeout.toNanos());
        }
        readyMillis = (System.nanoTime() - started) / 1_000_000;
        return this;
    }

    private void startService(Service service) throws IOException {
        startService(service, services.get(service), options.port(service));
    }

    private void startService(Service service, JavaProcess process, int port) throws IOException {
        // Secrets go through the environment, not the command line that `ps` shows.
        process.start(commandLine.jvmArgs(service, port), List.of(), commandLine.workDir(service), Map.of(
                "MALLOC_ARENA_MAX", "2",
                "LOCKSTEP_ADMIN_TOKEN", options.adminToken,
                "LOCKSTEP_INTERNAL_TOKEN", options.internalToken));
    }

    private void awaitReady(JavaProcess process, String url, long deadlineNanos) throws InterruptedException {
        URI ready = URI.create(url + "/q/health/ready");
        while (System.nanoTime() < deadlineNanos) {
            if (!process.alive()) {
                throw new IllegalStateException(process.name() + " exited during start:\n" + process.tail(40));
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2))
                        .GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(process.name() + " not ready in time:\n" + process.tail(40));
    }

    /** The HTTPS address of auth-service or sms-gateway-sim (the console). */
    public String httpsUrl(Service service) {
        if (!HTTPS.contains(service)) {
            throw new IllegalArgumentException(service.moduleName() + " listens on plain HTTP only");
        }
        return "https://" + options.host() + ":" + options.httpsPort(options.port(service));
    }

    /** The sandbox CA's certificate: what a client trusts to reach the HTTPS addresses. */
    public Path caFile() {
        return certificates.ca();
    }

    /** Lockstep's Java client on this sandbox, naming the launcher as the operator. */
    public SandboxClient client(String adminToken, String internalToken) {
        return new SandboxClient(service -> url(Service.valueOf(service.name())), adminToken, internalToken,
                new HttpJson(http, "launcher"));
    }

    /** The certificate and key the HTTPS listeners serve (made at start). */
    LocalCa.Certificates certificates() {
        return certificates;
    }

    public String url(Service service) {
        return "http://" + options.host() + ":" + options.port(service);
    }

    /** Every auth-service instance's URL, the usual one first. */
    public List<String> authUrls() {
        List<String> urls = new ArrayList<>();
        for (int n = 0; n < options.authInstances(); n++) {
            urls.add("http://" + options.host() + ":" + options.authPort(n));
        }
        return urls;
    }

    public KafkaBroker broker() {
        return broker;
    }

    /** Starts a broker that was stopped or killed again, on the same storage. */
    public void restartBroker(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Ports.free(options.host(), options.kafkaPort()) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        broker.start();
        broker.awaitReady(timeout);
    }

    /** Kills a service's (first) process outright (SIGKILL), as a crash would. */
    public void killService(Service service) throws InterruptedException {
        services.get(service).kill();
    }

    /** Starts a service whose process was killed again, on the same data, and waits until it is ready. */
    public void restartService(Service service, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Ports.free(options.host(), options.port(service)) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        startService(service);
        awaitReady(services.get(service), url(service), deadline);
    }

    /** How long the last {@link #start} took until every service was ready. */
    public long readyMillis() {
        return readyMillis;
    }

    /** Process ids by name (kafka and the four services). */
    public Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        if (broker.running()) {
            pids.put("kafka", broker.pid());
        }
        services.forEach((service, process) -> {
            if (process.alive()) {
                pids.put(service.moduleName(), process.pid());
            }
        });
        for (JavaProcess process : extraAuth) {
            if (process.alive()) {
                pids.put(process.name(), process.pid());
            }
        }
        return pids;
    }

    /** The first process found dead, or null while all run. */
    public String firstDead() {
        if (!broker.running()) {
            return "kafka";
        }
        for (JavaProcess process : allServiceProcesses()) {
            if (!process.alive()) {
                return process.name();
            }
        }
        return null;
    }

    public String logTail(String name, int lines) {
        if ("kafka".equals(name)) {
            return broker.process().tail(lines);
        }
        for (JavaProcess process : allServiceProcesses()) {
            if (process.name().equals(name)) {
                return process.tail(lines);
            }
        }
        return "";
    }

    /** Stops the services (in parallel), then the broker; returns when no process is left. */
    @Override
    public void close() throws InterruptedException {
        List<Thread> stopping = new ArrayList<>();
        for (JavaProcess process : allServiceProcesses()) {
            Thread t = new Thread(() -> {
                try {
                    process.stop(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            t.start();
            stopping.add(t);
        }
        for (Thread t : stopping) {
            t.join();
        }
        broker.stop();
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException | IllegalStateException e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }
    }

    private List<JavaProcess> allServiceProcesses() {
        List<JavaProcess> all = new ArrayList<>(services.values());
        all.addAll(extraAuth);
        return all;
    }

    /** The private PostgreSQL cluster, or null on H2. */
    public LocalPostgres postgres() {
        return postgres;
    }
}
