package dev.lockstep.launcher;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Where and how a sandbox runs. Defaults match the documented ports; tests pick others. */
public final class SandboxOptions {

    Path home = Path.of(".").toAbsolutePath().normalize();
    Path dataDir;
    String host = "127.0.0.1";
    int kafkaPort = 9092;
    Database database = Database.H2;
    int postgresPort = 5433;
    int authInstances = 1;
    final Map<Service, Integer> ports = new EnumMap<>(Service.class);
    String adminToken;
    String internalToken;
    String otlpEndpoint;
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
        H2, POSTGRESQL;

        /** {@code h2} or {@code postgresql}, as the option and the system property spell it. */
        public static Database parse(String name) {
            return switch (name.toLowerCase(java.util.Locale.ROOT)) {
                case "h2" -> H2;
                case "postgresql", "postgres", "pg" -> POSTGRESQL;
                default -> throw new IllegalArgumentException("unknown database " + name + " (h2 or postgresql)");
            };
        }
    }
}
