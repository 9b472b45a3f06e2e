package dev.lockstep.testcontainers;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import dev.lockstep.client.HttpJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.lifecycle.Startable;
import org.testcontainers.lifecycle.Startables;

/**
 * The whole Lockstep sandbox in containers, for a JUnit test: the Kafka broker and the four services
 * on a network of their own, each service with its H2 database inside its container.
 *
 * <pre>{@code
 * try (LockstepSandbox sandbox = new LockstepSandbox()) {
 *     sandbox.start();
 *     LockstepClient lockstep = sandbox.client();
 *     ...
 * }
 * }</pre>
 *
 * <p>
 * Images default to {@code lockstep/<name>:<this module's version>} (see
 * {@code deploy/docker/build-images}); {@link #withImages} picks another registry prefix or tag.
 * It also implements Testcontainers' {@link Startable}, so {@code @Container} works too.
 */
public class LockstepSandbox implements Startable, AutoCloseable {

    /** The four services, their container names on the sandbox network and their ports. */
    public enum Service {
        AUTH("auth-service", 8081),
        OTP("otp-service", 8082),
        SIM("sms-gateway-sim", 8083),
        RECOVERY("recovery-service", 8084);

        private final String containerName;
        private final int port;

        Service(String containerName, int port) {
            this.containerName = containerName;
            this.port = port;
        }

        public String containerName() {
            return containerName;
        }

        public int port() {
            return port;
        }
    }

    /** The version of the images that match this module. */
    public static final String VERSION = SandboxContainers.version();

    private String imagePrefix = "lockstep/";
    private String tag = VERSION;
    private String adminToken = "lockstep-admin-" + UUID.randomUUID();
    private final String internalToken = "lockstep-internal-" + UUID.randomUUID();
    private long memoryBytes = 512L * 1024 * 1024;

    private Network network;
    private ProviderAddress provider;
    private Path caFile;
    private GenericContainer<?> kafka;
    private final Map<Service, GenericContainer<?>> services = new EnumMap<>(Service.class);
    private final HttpClient http = HttpJson.newClient();

    /** Images named {@code <prefix><name>:<tag>}, e.g. {@code ("registry.example.com/lockstep/", "0.1.0")}. */
    public LockstepSandbox withImages(String prefix, String tag) {
        this.imagePrefix = prefix;
        this.tag = tag;
        return this;
    }

    /** The token of the admin and simulator APIs (random by default). */
    public LockstepSandbox withAdminToken(String token) {
        this.adminToken = token;
        return this;
    }

    /** The memory limit of each container (512 MiB by default). */
    public LockstepSandbox withMemoryLimit(long bytes) {
        this.memoryBytes = bytes;
        return this;
    }

    /** Starts the broker, then the four services, and returns when every one is ready. */
    @Override
    public void start() {
        if (network != null) {
            return;
        }
        network = Network.newNetwork();
        caFile = null;
        SandboxContainers containers = new SandboxContainers(imagePrefix, tag, network, memoryBytes);
        kafka = containers.broker();
        for (Service service : Service.values()) {
            GenericContainer<?> container = containers.service(service, kafka, adminToken, internalToken);
            if (service == Service.AUTH) {
                provider = ProviderAddress.pick();
                provider.applyTo(container);
            }
            services.put(service, container);
        }
        try {
            Startables.deepStart(services.values()).join();
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    /** The service's base URL as seen from the test, e.g. {@code http://localhost:32768}. */
    public String url(Service service) {
        GenericContainer<?> container = running(service);
        // Looked up on every call: a restarted container gets a new host port.
        DockerClient docker = DockerClientFactory.instance().client();
        Ports.Binding[] bindings = docker.inspectContainerCmd(container.getContainerId()).exec()
                .getNetworkSettings().getPorts().getBindings().get(ExposedPort.tcp(service.port()));
        if (bindings == null || bindings.length == 0) {
            throw new IllegalStateException(service.containerName() + " is not running");
        }
        return "http://" + container.getHost() + ":" + bindings[0].getHostPortSpec();
    }

    /**
     * The OpenID Connect issuer as the test reaches it, e.g. {@code http://localhost:32801}: discovery at
     * {@code /.well-known/openid-configuration}, and the {@code iss} of every token it signs.
     */
    public String issuer() {
        requireStarted(services.get(Service.AUTH));
        return provider.issuer();
    }

    /** The same provider over HTTPS, for clients that refuse plain HTTP; they trust {@link #caFile()}. */
    public String httpsIssuer() {
        requireStarted(services.get(Service.AUTH));
        return provider.httpsIssuer();
    }

    /** The sandbox CA's certificate (PEM), which issued auth-service's HTTPS certificate; copied out once. */
    public synchronized Path caFile() {
        if (caFile == null) {
            caFile = provider.copyCa(running(Service.AUTH));
        }
        return caFile;
    }

    public String adminToken() {
        return adminToken;
    }

    /** A client for the admin, login and simulator APIs of this sandbox. */
    public LockstepClient client() {
        return new LockstepClient(this, adminToken, internalToken);
    }

    /** Stops the broker container (a Kafka outage); {@link #startBroker} brings it back with its data. */
    public void stopBroker() {
        DockerClientFactory.instance().client().stopContainerCmd(requireStarted(kafka).getContainerId())
                .withTimeout(20).exec();
    }

    /** Starts the stopped broker again and waits until it is healthy and its topics exist. */
    public void startBroker() {
        DockerClient docker = DockerClientFactory.instance().client();
        String id = requireStarted(kafka).getContainerId();
        docker.startContainerCmd(id).exec();
        long deadline = System.nanoTime() + SandboxContainers.START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            var health = docker.inspectContainerCmd(id).exec().getState().getHealth();
            if (health != null && "healthy".equals(health.getStatus())) {
                return;
            }
            sleep(250);
        }
        throw new IllegalStateException("the broker did not become healthy again:\n" + kafka.getLogs());
    }

    /**
     * Kills a service's container outright (SIGKILL, like a crash) and starts the same container
     * again; returns when it is ready. Its database survives: it lives in the container's volume.
     */
    public void crashAndRestart(Service service) {
        DockerClient docker = DockerClientFactory.instance().client();
        String id = running(service).getContainerId();
        docker.killContainerCmd(id).exec();
        docker.startContainerCmd(id).exec();
        long deadline = System.nanoTime() + SandboxContainers.START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(URI.create(url(service) + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException | IllegalStateException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException(service.containerName() + " not ready after restart:\n" + logs(service));
    }

    /** The container's output so far (for failure messages). */
    public String logs(Service service) {
        return running(service).getLogs();
    }

    /** Stops and removes every container and the network, also after a failed start. */
    @Override
    public void stop() {
        List<RuntimeException> failures = new ArrayList<>();
        for (GenericContainer<?> container : services.values()) {
            stopQuietly(container, failures);
        }
        services.clear();
        stopQuietly(kafka, failures);
        kafka = null;
        if (network != null) {
            try {
                network.close();
            } catch (RuntimeException e) {
                failures.add(e);
            }
            network = null;
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static void stopQuietly(GenericContainer<?> container, List<RuntimeException> failures) {
        if (container == null) {
            return;
        }
        try {
            container.stop();
        } catch (RuntimeException e) {
            failures.add(e);
        }
    }

    private GenericContainer<?> running(Service service) {
        return requireStarted(services.get(service));
    }

    private static GenericContainer<?> requireStarted(GenericContainer<?> container) {
        if (container == null || container.getContainerId() == null) {
            throw new IllegalStateException("the sandbox is not started");
        }
        return container;
    }

    HttpClient http() {
        return http;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
