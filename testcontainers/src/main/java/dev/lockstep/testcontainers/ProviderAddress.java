package dev.lockstep.testcontainers;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;

/**
 * Where the test reaches auth-service as an OpenID Connect provider. The issuer in discovery and in
 * every token must be the URL the test (and its browser) uses, so auth-service is published on host
 * ports picked before it starts, and told its HTTP and HTTPS issuers and the host name its certificate
 * must carry.
 */
final class ProviderAddress {

    static final int HTTP = 8081;
    static final int HTTPS = 8443;

    private final String host;
    private final int httpPort;
    private final int httpsPort;

    private ProviderAddress(String host, int httpPort, int httpsPort) {
        this.host = host;
        this.httpPort = httpPort;
        this.httpsPort = httpsPort;
    }

    static ProviderAddress pick() {
        return new ProviderAddress(DockerClientFactory.instance().dockerHostIpAddress(), freePort(), freePort());
    }

    /** Publishes the container's HTTP and HTTPS ports on the picked host ports, and names the issuers. */
    void applyTo(GenericContainer<?> auth) {
        auth.addExposedPorts(HTTPS);
        auth.withEnv("LOCKSTEP_AUTH_TOKEN_ISSUER", issuer())
                .withEnv("LOCKSTEP_AUTH_TOKEN_HTTPS_ISSUER", httpsIssuer())
                .withEnv("LOCKSTEP_TLS_NAMES", host)
                .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withPortBindings(
                        new PortBinding(Ports.Binding.bindPort(httpPort), ExposedPort.tcp(HTTP)),
                        new PortBinding(Ports.Binding.bindPort(httpsPort), ExposedPort.tcp(HTTPS))));
    }

    String issuer() {
        return "http://" + host + ":" + httpPort;
    }

    String httpsIssuer() {
        return "https://" + host + ":" + httpsPort;
    }

    /** Copies the sandbox CA's certificate, made by the image at first start, out of the container. */
    Path copyCa(GenericContainer<?> auth) {
        try {
            Path file = Files.createTempFile("lockstep-ca-", ".pem");
            file.toFile().deleteOnExit();
            auth.copyFileFromContainer("/data/tls/ca.pem", in -> Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
