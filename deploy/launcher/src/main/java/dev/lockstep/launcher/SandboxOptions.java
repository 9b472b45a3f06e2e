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
    final Map<Service, Integer> ports = new EnumMap<>(Service.class);
    String adminToken;
    String internalToken;
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

    public SandboxOptions adminToken(String token) {
        this.adminToken = token;
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
}
