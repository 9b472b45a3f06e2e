package dev.lockstep.testcontainers;

import dev.lockstep.testcontainers.LockstepSandbox.Service;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Properties;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * The sandbox's containers as they are declared: the broker, and each service on the same network with
 * the tokens, the broker's address and the other services' names it needs.
 */
final class SandboxContainers {

    static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final String imagePrefix;
    private final String tag;
    private final Network network;
    private final long memoryBytes;

    SandboxContainers(String imagePrefix, String tag, Network network, long memoryBytes) {
        this.imagePrefix = imagePrefix;
        this.tag = tag;
        this.network = network;
        this.memoryBytes = memoryBytes;
    }

    GenericContainer<?> broker() {
        return new GenericContainer<>(image("kafka"))
                .withNetwork(network)
                .withNetworkAliases("kafka")
                .withEnv("KAFKA_ADVERTISED_HOST", "kafka")
                .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withMemory(memoryBytes))
                .waitingFor(Wait.forHealthcheck().withStartupTimeout(START_TIMEOUT));
    }

    GenericContainer<?> service(Service service, GenericContainer<?> broker, String adminToken, String internalToken) {
        GenericContainer<?> container = new GenericContainer<>(image(service.containerName()))
                .withNetwork(network)
                .withNetworkAliases(service.containerName())
                .withExposedPorts(service.port())
                .withEnv("LOCKSTEP_ADMIN_TOKEN", adminToken)
                .withEnv("LOCKSTEP_INTERNAL_TOKEN", internalToken)
                .withEnv("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")
                .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withMemory(memoryBytes))
                .dependsOn(broker)
                .waitingFor(Wait.forHttp("/q/health/ready").forPort(service.port()).forStatusCode(200)
                        .withStartupTimeout(START_TIMEOUT));
        switch (service) {
            // scenarios drive the other services through their APIs, by their names on the network
            case SIM -> container.withEnv("LOCKSTEP_SIM_SERVICES_AUTH", "http://auth-service:8081")
                    .withEnv("LOCKSTEP_SIM_SERVICES_OTP", "http://otp-service:8082")
                    .withEnv("LOCKSTEP_SIM_SERVICES_RECOVERY", "http://recovery-service:8084");
            case AUTH -> container.withEnv("QUARKUS_REST_CLIENT_OTP_URL", "http://otp-service:8082");
            case RECOVERY -> container.withEnv("QUARKUS_REST_CLIENT_AUTH_URL", "http://auth-service:8081")
                    .withEnv("QUARKUS_REST_CLIENT_OTP_URL", "http://otp-service:8082");
            default -> {
                // otp-service needs nothing more
            }
        }
        return container;
    }

    private DockerImageName image(String name) {
        return DockerImageName.parse(imagePrefix + name + ":" + tag);
    }

    /** The version of this module, which its images carry as their tag. */
    static String version() {
        try (InputStream in = LockstepSandbox.class.getResourceAsStream("lockstep.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException | NullPointerException e) {
            throw new UncheckedIOException(new IOException("lockstep.properties is missing from the jar", e));
        }
    }
}
