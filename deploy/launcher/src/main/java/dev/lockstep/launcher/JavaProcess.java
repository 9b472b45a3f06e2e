package dev.lockstep.launcher;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A child JVM with its output in a log file, stopped politely (SIGTERM) and then firmly. */
final class JavaProcess {

    /**
     * Every child JVM runs this build's own jars and the dependencies Maven resolved for it, so their
     * bytecode is not verified again at each start: about 13 % less CPU while five JVMs start on two
     * cores, launch to ready 2–4 s sooner (docs/performance.md, "Start-up"). The JDK's own classes
     * are never re-verified anyway; the container images keep the JVM's default.
     */
    static final List<String> TRUSTED_CLASSPATH = List.of("-XX:+UnlockDiagnosticVMOptions",
            "-XX:-BytecodeVerificationRemote");

    /**
     * The JVM's monitor deflation thread wakes every 250 ms to see whether idle monitors should be
     * freed; in the child JVMs it looks every 2 s. On an idle sandbox that thread took 0.05-0.07 s of
     * CPU a minute in each JVM (docs/performance.md, Idle). A diagnostic flag, so it follows the
     * unlock above.
     */
    static final List<String> QUIET_WHEN_IDLE = List.of("-XX:AsyncDeflationInterval=2000");

    private final String name;
    private final Path log;
    private Process process;

    JavaProcess(String name, Path log) {
        this.name = name;
        this.log = log;
    }

    void start(List<String> jvmArgs, List<String> mainAndArgs, Path workDir) throws IOException {
        start(jvmArgs, mainAndArgs, workDir, Map.of());
    }

    void start(List<String> jvmArgs, List<String> mainAndArgs, Path workDir, Map<String, String> env)
            throws IOException {
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(TRUSTED_CLASSPATH);
        command.addAll(QUIET_WHEN_IDLE);
        command.addAll(jvmArgs);
        command.addAll(mainAndArgs);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        process = builder.start();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    /**
     * SIGTERM, then SIGKILL after {@code graceSeconds}; returns once the process is gone: true if it
     * ended by itself within the grace period.
     */
    boolean stop(int graceSeconds) throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return false;
        }
        process.destroy();
        if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            return false;
        }
        return true;
    }

    /** SIGKILL at once, like a crash. */
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The last lines of the log, for error messages. */
    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    static String classpath(Path dir) {
        return dir.toAbsolutePath() + File.separator + "*";
    }
}
