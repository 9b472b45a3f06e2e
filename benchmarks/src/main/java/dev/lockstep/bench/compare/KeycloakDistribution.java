package dev.lockstep.bench.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Keycloak's server distribution from Maven Central ({@code org.keycloak:keycloak-quarkus-dist}),
 * fetched through the project's Maven wrapper, unpacked under {@code benchmarks/target/keycloak} and
 * built once for a dev-file database and a local cache (its production mode's build step).
 */
final class KeycloakDistribution {

    static final String VERSION = "26.7.3";

    private final Path lockstepHome;
    private final Path root;

    KeycloakDistribution(Path lockstepHome) {
        this.lockstepHome = lockstepHome;
        this.root = lockstepHome.resolve("benchmarks/target/keycloak");
    }

    /** Where {@code bin/kc.sh} is. */
    Path home() {
        return root.resolve("keycloak-" + VERSION);
    }

    /** Fetches, unpacks and builds what is missing. */
    KeycloakDistribution prepare() throws IOException, InterruptedException {
        Path tarball = root.resolve("keycloak-quarkus-dist-" + VERSION + ".tar.gz");
        if (!Files.exists(tarball)) {
            Files.createDirectories(root);
            run(lockstepHome, List.of(lockstepHome.resolve("mvnw").toString(), "-B", "-q", "dependency:copy",
                    "-Dartifact=org.keycloak:keycloak-quarkus-dist:" + VERSION + ":tar.gz",
                    "-DoutputDirectory=" + root, "-Dmdep.overWriteIfNewer=true"));
        }
        if (!Files.exists(home().resolve("bin/kc.sh"))) {
            run(root, List.of("tar", "xzf", tarball.toString()));
        }
        Path built = home().resolve("lockstep-built");
        if (!Files.exists(built)) {
            System.out.println("Building Keycloak for dev-file and a local cache (once)…");
            run(home(), List.of(home().resolve("bin/kc.sh").toString(), "build", "--db=dev-file", "--cache=local"));
            Files.writeString(built, "kc.sh build --db=dev-file --cache=local\n");
        }
        return this;
    }

    /** The bootstrap admin's password: made at the first start, kept with the data. */
    String adminPassword() throws IOException {
        Path file = home().resolve("lockstep-admin-password");
        if (!Files.exists(file)) {
            Files.writeString(file, UUID.randomUUID().toString());
        }
        return Files.readString(file).trim();
    }

    private static void run(Path dir, List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        if (!process.waitFor(15, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("failed: " + String.join(" ", command));
        }
    }
}
