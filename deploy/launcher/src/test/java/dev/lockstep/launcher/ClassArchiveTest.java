package dev.lockstep.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JVM started twice on the same classpath: the second start maps the classes the first one archived. */
class ClassArchiveTest {

    @TempDir
    Path dir;

    @Test
    void theSecondStartLoadsTheClassesTheFirstArchived() throws Exception {
        Path jars = jarWithIdleMain();
        ClassArchive archive = new ClassArchive(dir, "idle", jars);

        List<String> first = archive.jvmArgs();
        assertTrue(first.get(0).startsWith("-XX:ArchiveClassesAtExit="), first.toString());
        archive.stopped(run(first, jars, "first.log").stop(30));
        List<String> written = archives();
        assertTrue(written.size() == 1 && written.get(0).endsWith(".jsa"), "one finished archive: " + written);

        List<String> second = archive.jvmArgs();
        assertTrue(second.get(0).startsWith("-XX:SharedArchiveFile="), second.toString());
        run(second, jars, "second.log").stop(30);
        assertTrue(Files.readString(dir.resolve("second.log"))
                .contains(Idle.class.getName() + " source: shared objects file (top)"),
                "the second JVM loaded its main class from the archive");
    }

    @Test
    void aKilledJvmLeavesNoArchiveBehind() throws Exception {
        Path jars = jarWithIdleMain();
        ClassArchive archive = new ClassArchive(dir, "idle", jars);

        JavaProcess process = run(archive.jvmArgs(), jars, "killed.log");
        process.kill();
        archive.stopped(false);

        assertEquals(List.of(), archives());
        assertTrue(archive.jvmArgs().get(0).startsWith("-XX:ArchiveClassesAtExit="), "the next start archives again");
    }

    /** Starts {@link Idle} and waits until it says it is running. */
    private JavaProcess run(List<String> archiveArgs, Path jars, String logName) throws Exception {
        List<String> jvm = new ArrayList<>(archiveArgs);
        jvm.add("-Xlog:class+load=info");
        jvm.add("-cp");
        jvm.add(JavaProcess.classpath(jars));
        Path log = dir.resolve(logName);
        JavaProcess process = new JavaProcess("idle", log);
        process.start(jvm, List.of(Idle.class.getName()), dir);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!(Files.exists(log) && Files.readString(log).contains(Idle.RUNNING))) {
            assertTrue(process.alive() && System.nanoTime() < deadline, "idle JVM did not start:\n" + process.tail(20));
            Thread.sleep(50);
        }
        return process;
    }

    /** CDS archives only classes from jars: {@link Idle} packed into one. */
    private Path jarWithIdleMain() throws IOException {
        Path jars = Files.createDirectories(dir.resolve("lib"));
        String entry = Idle.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(jars.resolve("idle.jar")));
                var bytes = Idle.class.getClassLoader().getResourceAsStream(entry)) {
            jar.putNextEntry(new JarEntry(entry));
            bytes.transferTo((OutputStream) jar);
            jar.closeEntry();
        }
        return jars;
    }

    private List<String> archives() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.contains(".jsa")).sorted().toList();
        }
    }

    /** A JVM that runs until it is stopped. */
    public static final class Idle {
        static final String RUNNING = "idle and running";

        public static void main(String[] args) throws InterruptedException {
            System.out.println(RUNNING);
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
