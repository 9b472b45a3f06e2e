package dev.lockstep.launcher;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Where and how a sandbox runs. Defaults match the documented ports; tests pick others. */
public final class SandboxOptions {

    Path home = Path.of(".").toAbsolutePath().normalize();
    Path dataDir;
    String host = "127.0.0.1";
    static final int DEFAULT_KAFKA_PORT = 9092;
    static final int DEFAULT_POSTGRES_PORT = 5433;
    int kafkaPort = DEFAULT_KAFKA_PORT;
    Database database = Database.H2;
    int postgresPort = DEFAULT_POSTGRES_PORT;
    int authInstances = 1;
    final Map<Service, Integer> ports = new EnumMap<>(Service.class);
    String adminToken;
    String internalToken;
    String otlpEndpoint;
    boolean demo;
    final Map<Service, Map<String, String>> serviceProperties = new EnumMap<>(Service.class);
    List<String> serviceJvmArgs = List.of("-Xms24m", "-Xmx128m", "-XX:+UseSerialGC", "-XX:ReservedCodeCacheSize=48m",
            "-XX:MaxMetaspaceSize=160m", "-Xss512k", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30",
            "-Dio.netty.allocator.maxOrder=7");

    public SandboxOptions() {
        for (Service service : Service.values()) {
            ports.put(service, service.defaultPort());
        }
    }

    /** The repository root: where the service modules and the broker jars are. */
    public SandboxOptions home(Path home) {
        this.home = home.toAbsolutePath().normalize();
        return this;
    }

    /** Databases, broker storage and logs live here; kept between runs. */
    public SandboxOptions dataDir(Path dataDir) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        return this;
    }

    public SandboxOptions kafkaPort(int port) {
        this.kafkaPort = port;
        return this;
    }

    /** Puts the four services on {@code base}, {@code base+1}, … in the order of {@link Service}. */
    public SandboxOptions httpPortBase(int base) {
        for (Service service : Service.values()) {
            ports.put(service, base + service.ordinal());
        }
        return this;
    }

    /**
     * Moves every port together: auth-service on {@code base}, and the other services, the HTTPS
     * listeners, the broker, its controller and the PostgreSQL cluster by the same amount
     * ({@code base − 8081}), so two sandboxes run side by side ({@code --port-base 18081}: 18081–18084,
     * HTTPS 18443 and 18445, Kafka 19092–19093, PostgreSQL 15433).
     */
    public SandboxOptions portBase(int base) {
        int shift = base - Service.AUTH.defaultPort();
        int lowest = DEFAULT_POSTGRES_PORT + shift;
        int highest = DEFAULT_KAFKA_PORT + 1 + shift;
        if (lowest < 1024 || highest > 65535) {
            throw new IllegalArgumentException("every port must stay within 1024-65535, and this base puts them at "
                    + lowest + "-" + highest + " (a base from " + (1024 - DEFAULT_POSTGRES_PORT + Service.AUTH.defaultPort())
                    + " to " + (65535 - DEFAULT_KAFKA_PORT - 1 + Service.AUTH.defaultPort()) + " works)");
        }
        for (Service service : Service.values()) {
            ports.put(service, service.defaultPort() + shift);
        }
        kafkaPort = DEFAULT_KAFKA_PORT + shift;
        postgresPort = DEFAULT_POSTGRES_PORT + shift;
        return this;
    }

    /** H2 files (the default) or a private PostgreSQL cluster under the data directory. */
    public SandboxOptions database(Database database) {
        this.database = database;
        return this;
    }

    /** The private PostgreSQL cluster's port (default 5433, next to a machine's own 5432). */
    public SandboxOptions postgresPort(int port) {
        this.postgresPort = port;
        return this;
    }

    /**
     * Runs auth-service this many times on one database (PostgreSQL only); instance {@code n} (from 0)
     * listens on auth-service's port + 10·n. Shows that lockout is exact across instances.
     */
    public SandboxOptions authInstances(int instances) {
        if (instances < 1 || instances > 4) {
            throw new IllegalArgumentException("1 to 4 auth-service instances");
        }
        this.authInstances = instances;
        return this;
    }

    public SandboxOptions adminToken(String token) {
        this.adminToken = token;
        return this;
    }

    /**
     * Traces every HTTP call and Kafka hop and exports them to this OTLP/HTTP traces endpoint (for
     * example {@code http://127.0.0.1:4318/v1/traces}); null (the default): no tracing at all.
     */
    public SandboxOptions otlpEndpoint(String endpoint) {
        this.otlpEndpoint = endpoint;
        return this;
    }

    public String otlpEndpoint() {
        return otlpEndpoint;
    }

    /**
     * Gives the sandbox the demo fixtures ({@link Launcher#DEMO_USER}, its password and trusted phone):
     * sms-gateway-sim makes the account again after every reset. Off by default (tests make their own).
     */
    public SandboxOptions demo(boolean demo) {
        this.demo = demo;
        return this;
    }

    public boolean demo() {
        return demo;
    }

    /**
     * A system property one service starts with, e.g. a limit a test suite raises (each service
     * refuses properties of its own prefix that it does not know, so they go to one service only).
     */
    public SandboxOptions serviceProperty(Service service, String name, String value) {
        serviceProperties.computeIfAbsent(service, s -> new TreeMap<>()).put(name, value);
        return this;
    }

    public SandboxOptions internalToken(String token) {
        this.internalToken = token;
        return this;
    }

    public Path home() {
        return home;
    }

    public Path dataDir() {
        return dataDir != null ? dataDir : home.resolve(".lockstep");
    }

    public String host() {
        return host;
    }

    public int port(Service service) {
        return ports.get(service);
    }

    public int kafkaPort() {
        return kafkaPort;
    }

    public Database database() {
        return database;
    }

    public int postgresPort() {
        return postgresPort;
    }

    public int authInstances() {
        return authInstances;
    }

    /** The HTTPS port of auth-service and the console's service: the HTTP port + 362 (8081 → 8443, 8083 → 8445). */
    public int httpsPort(int httpPort) {
        return httpPort + 362;
    }

    /** The port of auth-service instance {@code n} (0 is the usual one). */
    public int authPort(int n) {
        return port(Service.AUTH) + 10 * n;
    }

    /** Where the services keep their data. */
    public enum Database {
        H2,
        POSTGRESQL;

        /** {@code h2} or {@code postgresql}, as the option and the system property spell it. */
        public static Database parse(String name) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "h2" -> H2;
                case "postgresql", "postgres", "pg" -> POSTGRESQL;
                default -> throw new IllegalArgumentException("unknown database " + name + " (h2 or postgresql)");
            };
        }
    }
}
