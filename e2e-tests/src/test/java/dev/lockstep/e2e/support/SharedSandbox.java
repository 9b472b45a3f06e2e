package dev.lockstep.e2e.support;

import dev.lockstep.client.SandboxClient;
import dev.lockstep.launcher.Directories;
import dev.lockstep.launcher.LocalPostgres;
import dev.lockstep.launcher.Sandbox;
import dev.lockstep.launcher.SandboxOptions;
import dev.lockstep.launcher.Service;
import dev.lockstep.launcher.TraceReceiver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the real broker and the four packaged services once for the whole run (on ports of their
 * own, so a running ./lockstep up is not disturbed) and stops them when every test is done. The
 * services trace, and export their spans to a {@link TraceReceiver} in this JVM.
 */
public final class SharedSandbox implements BeforeAllCallback {

    public static final int KAFKA_PORT = 19092;
    public static final int HTTP_BASE = 18081;
    public static final int POSTGRES_PORT = 15432;
    /** {@code h2} (default) or {@code postgresql}: the suite runs once on each. */
    public static final SandboxOptions.Database DATABASE = SandboxOptions.Database.parse(
            System.getProperty("lockstep.e2e.db", "h2"));
    public static final String ADMIN_TOKEN = "e2e-admin-" + UUID.randomUUID();
    public static final String INTERNAL_TOKEN = "e2e-internal-" + UUID.randomUUID();

    private static volatile Running running;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(SharedSandbox.class, key -> ensureStarted(), Running.class);
    }

    /**
     * The running sandbox, started if it is not (JUnit Jupiter's tests start it through the extension,
     * the jqwik properties through this; whichever engine started it closes it when it is done).
     */
    public static synchronized Running ensureStarted() {
        if (DATABASE == SandboxOptions.Database.POSTGRESQL && !LocalPostgres.installed()) {
            if ("1".equals(System.getenv("LOCKSTEP_REQUIRE_POSTGRES"))) {
                throw new IllegalStateException("LOCKSTEP_REQUIRE_POSTGRES=1 but PostgreSQL is not installed");
            }
            Assumptions.abort("PostgreSQL is not installed: the PostgreSQL run of the suite is skipped");
        }
        return running != null ? running : start();
    }

    /** Lockstep's Java client on the shared sandbox. */
    public static SandboxClient client() {
        return sandbox().client(ADMIN_TOKEN, INTERNAL_TOKEN);
    }

    /** The running sandbox; only valid inside tests that use this extension. */
    public static Sandbox sandbox() {
        return running.sandbox;
    }

    /** The spans the sandbox exported. */
    public static TraceReceiver traces() {
        return running.traces;
    }

    public static String url(Service service) {
        return running.sandbox.url(service);
    }

    /** auth-service's or the console's HTTPS address (a certificate from the sandbox's own CA). */
    public static String httpsUrl(Service service) {
        return running.sandbox.httpsUrl(service);
    }

    /** An SSL context that trusts the sandbox's CA, and only it. */
    public static SSLContext trustingTheSandboxCa() {
        try (InputStream pem = Files.newInputStream(running.sandbox.caFile())) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("lockstep-ca",
                    CertificateFactory.getInstance("X.509").generateCertificate(pem));
            TrustManagerFactory managers = TrustManagerFactory.getInstance(
                    TrustManagerFactory.getDefaultAlgorithm());
            managers.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, managers.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path dataDir() {
        return Path.of(System.getProperty("lockstep.e2e.data-dir", "target/e2e-sandbox"));
    }

    /** Where the broker and the services write their logs. */
    public static Path logDirectory() {
        return dataDir().resolve("logs");
    }

    /**
     * What the services logged about the failures they answered with a 500 ("unexpected failure" and
     * the stack trace's first lines), for an assertion's message: CI keeps the test output, not the logs.
     */
    public static String unexpectedFailures() {
        StringBuilder found = new StringBuilder();
        try (Stream<Path> logs = Files.list(logDirectory())) {
            for (Path log : logs.filter(p -> p.getFileName().toString().endsWith(".log")).sorted().toList()) {
                List<String> lines = Files.readAllLines(log);
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).contains("unexpected failure")) {
                        found.append('\n').append(log.getFileName()).append(':');
                        lines.subList(i, Math.min(lines.size(), i + 12)).forEach(l -> found.append("\n  ").append(l));
                    }
                }
            }
        } catch (IOException e) {
            found.append("\n(the logs could not be read: ").append(e).append(')');
        }
        return found.toString();
    }

    private static Running start() {
        Path home = Path.of(System.getProperty("lockstep.home", ".."));
        Path dataDir = dataDir();
        try {
            Directories.deleteTree(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TraceReceiver traces = TraceReceiver.start();
        SandboxOptions options = new SandboxOptions()
                .home(home)
                .dataDir(dataDir)
                .kafkaPort(KAFKA_PORT)
                .httpPortBase(HTTP_BASE)
                .database(DATABASE)
                .postgresPort(POSTGRES_PORT)
                // On PostgreSQL a second auth-service shares the database: lockout must hold across both.
                .authInstances(DATABASE == SandboxOptions.Database.POSTGRESQL ? 2 : 1)
                .adminToken(ADMIN_TOKEN)
                .internalToken(INTERNAL_TOKEN)
                .otlpEndpoint(traces.endpoint())
                // the demo fixtures, as ./lockstep up has them: every reset makes the demo account again
                .demo(true)
                // every test asks from 127.0.0.1, most for accounts and numbers of their own: the bounds on
                // new recovery numbers (recovery-service's NewNumberLimitsTest) would stop the suite itself
                .serviceProperty(Service.RECOVERY, "lockstep.recovery.max-new-numbers-per-account", "1000")
                .serviceProperty(Service.RECOVERY, "lockstep.recovery.max-new-numbers-per-address", "100000");
        Sandbox sandbox = new Sandbox(options);
        try {
            sandbox.start(Duration.ofSeconds(180));
        } catch (IOException e) {
            closeQuietly(sandbox, traces);
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(sandbox, traces);
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            closeQuietly(sandbox, traces);
            throw e;
        }
        running = new Running(sandbox, traces);
        return running;
    }

    private static void closeQuietly(Sandbox sandbox, TraceReceiver traces) {
        try {
            sandbox.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            traces.close();
        }
    }

    /** Closed by JUnit once, after the last test of the run. */
    public static final class Running implements AutoCloseable {
        final Sandbox sandbox;
        final TraceReceiver traces;

        Running(Sandbox sandbox, TraceReceiver traces) {
            this.sandbox = sandbox;
            this.traces = traces;
        }

        @Override
        public void close() throws InterruptedException {
            try {
                sandbox.close();
            } finally {
                traces.close();
            }
            synchronized (SharedSandbox.class) {
                if (running == this) {
                    running = null;
                }
            }
        }
    }
}
