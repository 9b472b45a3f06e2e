package dev.lockstep.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JVM command line of one service in the sandbox: its build, the JIT settings, where it
 * listens (and on HTTPS with the sandbox CA's certificate), its database, the broker and where the
 * other services are. Secrets are not here: they go through the environment.
 */
final class ServiceCommandLine {

    private final SandboxOptions options;
    private final Sandbox sandbox;

    ServiceCommandLine(SandboxOptions options, Sandbox sandbox) {
        this.options = options;
        this.sandbox = sandbox;
    }

    /** The H2 build ({@code target/quarkus-app}) or the PostgreSQL one ({@code target/postgresql}). */
    Path jar(Service service) {
        String build = sandbox.postgres() != null ? "target/postgresql" : "target/quarkus-app";
        return options.home().resolve(service.moduleName()).resolve(build).resolve("quarkus-run.jar");
    }

    /** Each service has a database of its own: {@code auth_service}, {@code otp_service}, … */
    static String databaseName(Service service) {
        return service.moduleName().replace('-', '_');
    }

    List<String> jvmArgs(Service service, int port) {
        List<String> jvm = new ArrayList<>(options.serviceJvmArgs);
        // C1 only: quicker to start and smaller. auth-service too, since its Argon2 runs in libargon2:
        // C2 spent about 14 s of CPU compiling while five JVMs started on two cores, and its code
        // served password logins no faster (docs/performance.md).
        jvm.add("-XX:TieredStopAtLevel=1");
        jvm.add("-XX:CICompilerCount=1");
        jvm.add("-Dquarkus.http.host=" + options.host());
        jvm.add("-Dquarkus.http.port=" + port);
        if (Sandbox.HTTPS.contains(service)) {
            // also HTTPS, with a certificate from the sandbox's own CA (plain HTTP stays)
            jvm.add("-Dquarkus.http.ssl-port=" + options.httpsPort(port));
            jvm.add("-Dquarkus.http.ssl.certificate.files=" + sandbox.certificates().serverCertificate());
            jvm.add("-Dquarkus.http.ssl.certificate.key-files=" + sandbox.certificates().serverKey());
        }
        jvm.add("-Dlockstep.data-dir=" + options.dataDir().resolve("db"));
        options.serviceProperties.getOrDefault(service, Map.of()).forEach((name, value) -> jvm.add("-D" + name + "=" + value));
        if (sandbox.postgres() != null) {
            jvm.add("-Dquarkus.datasource.jdbc.url=" + sandbox.postgres().jdbcUrl(databaseName(service)));
            jvm.add("-Dquarkus.datasource.username=" + LocalPostgres.USER);
        }
        jvm.add("-Dkafka.bootstrap.servers=" + sandbox.broker().bootstrapServers());
        if (options.otlpEndpoint() != null) {
            jvm.add("-Dlockstep.traces.enabled=true");
            jvm.add("-Dquarkus.otel.sdk.disabled=false");
            jvm.add("-Dquarkus.otel.exporter.otlp.traces.endpoint=" + options.otlpEndpoint());
        }
        switch (service) {
            case SIM -> {
                jvm.add("-Dlockstep.sim.services.auth=" + sandbox.url(Service.AUTH));
                jvm.add("-Dlockstep.sim.services.otp=" + sandbox.url(Service.OTP));
                jvm.add("-Dlockstep.sim.services.sim=" + sandbox.url(Service.SIM));
                jvm.add("-Dlockstep.sim.services.recovery=" + sandbox.url(Service.RECOVERY));
                if (options.demo()) {
                    jvm.add("-Dlockstep.sim.demo.username=" + Launcher.DEMO_USER);
                    jvm.add("-Dlockstep.sim.demo.password=" + Launcher.DEMO_PASSWORD);
                    jvm.add("-Dlockstep.sim.demo.phone=" + Launcher.DEMO_PHONE);
                }
            }
            case AUTH -> {
                jvm.add("-Dquarkus.rest-client.otp.url=" + sandbox.url(Service.OTP));
                jvm.add("-Dlockstep.auth.token.issuer=" + sandbox.url(Service.AUTH));
                jvm.add("-Dlockstep.auth.token.https-issuer=" + sandbox.httpsUrl(Service.AUTH));
            }
            case RECOVERY -> {
                jvm.add("-Dquarkus.rest-client.auth.url=" + sandbox.url(Service.AUTH));
                jvm.add("-Dquarkus.rest-client.otp.url=" + sandbox.url(Service.OTP));
            }
            default -> {
                // otp-service asks nobody
            }
        }
        // the service runs in its build's folder (workDir), where the archive names the jar
        jvm.addAll(StartupArchive.forThisJdk().jvmArgs(workDir(service)));
        jvm.add("-jar");
        jvm.add(jar(service).getFileName().toString());
        return jvm;
    }

    /** Where a service runs: its build's folder (every path it is given is absolute). */
    Path workDir(Service service) {
        return jar(service).getParent();
    }
}
