package dev.lockstep.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private PostgreSQL cluster made from the machine's own PostgreSQL binaries (Debian's
 * {@code postgresql} package): its data directory lives under the sandbox's, it listens on
 * 127.0.0.1 only, on a port of its own, and the machine's own cluster is never touched.
 *
 * <p>
 * PostgreSQL refuses to run as root; when this JVM is root, every PostgreSQL command runs as the
 * {@code postgres} user (through {@code runuser}), which then owns the data directory.
 */
public final class LocalPostgres implements AutoCloseable {

    /** The one role every service connects as (trust authentication, loopback only). */
    public static final String USER = "lockstep";

    private final Path binDir;
    private final Path home;
    private final Path dataDir;
    private final Path logFile;
    private final String host;
    private final int port;
    private boolean started;

    /** A cluster kept in {@code home} (its data directory and its log). */
    public LocalPostgres(Path home, String host, int port) {
        this.binDir = findBinDir();
        this.home = home.toAbsolutePath().normalize();
        this.dataDir = this.home.resolve("data");
        this.logFile = this.home.resolve("postgres.log");
        this.host = host;
        this.port = port;
    }

    /** Whether this machine has PostgreSQL binaries to make a cluster from. */
    public static boolean installed() {
        return findBinDir() != null;
    }

    /** {@code LOCKSTEP_PG_BIN}, else the newest {@code /usr/lib/postgresql/<version>/bin}. */
    static Path findBinDir() {
        String configured = System.getenv("LOCKSTEP_PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                return versions.map(v -> v.resolve("bin"))
                        .filter(bin -> Files.isExecutable(bin.resolve("pg_ctl")))
                        .max(Comparator.comparingInt(LocalPostgres::majorVersion))
                        .orElse(null);
            } catch (IOException e) {
                return null;
            }
        }
        return null;
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Makes the cluster on first use, starts it and creates the databases that are missing. */
    public LocalPostgres start(List<String> databases) throws IOException, InterruptedException {
        if (binDir == null) {
            throw new IllegalStateException("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin; "
                    + "install Debian's postgresql package or set LOCKSTEP_PG_BIN)");
        }
        Ports.requireFree(host, port, "PostgreSQL", "--postgres-port");
        if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
            Files.createDirectories(home);
            giveToPostgresUser(home);
            run("initdb", "-D", dataDir.toString(), "-U", USER, "--auth=trust", "--encoding=UTF8",
                    "--no-sync", "--no-instructions");
        }
        run("pg_ctl", "-D", dataDir.toString(), "-l", logFile.toString(), "-w", "-t", "60", "-o",
                "-p " + port + " -c listen_addresses=" + host + " -c unix_socket_directories='' -c fsync=off",
                "start");
        started = true;
        for (String database : databases) {
            String exists = run("psql", "-h", host, "-p", Integer.toString(port), "-U", USER, "-d", "postgres",
                    "-tAc", "SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
            if (!exists.trim().equals("1")) {
                run("createdb", "-h", host, "-p", Integer.toString(port), "-U", USER, database);
            }
        }
        return this;
    }

    /** The JDBC URL of one database of this cluster. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    public boolean running() {
        return started;
    }

    /** Fast shutdown: open connections are cut, the data stays. */
    @Override
    public void close() throws IOException, InterruptedException {
        if (started) {
            started = false;
            run("pg_ctl", "-D", dataDir.toString(), "-m", "fast", "-w", "-t", "30", "stop");
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private void giveToPostgresUser(Path dir) throws IOException, InterruptedException {
        if (root()) {
            exec(List.of("chown", "postgres", dir.toString()));
        }
    }

    private String run(String tool, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (root()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(binDir.resolve(tool).toString());
        command.addAll(List.of(args));
        return exec(command);
    }

    private String exec(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .directory(home.toFile()).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in 90 s");
        }
        String text = new String(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (exit " + process.exitValue()
                    + "):\n" + text + tailOfLog());
        }
        return text;
    }

    private String tailOfLog() {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }
}
