package dev.lockstep.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which startup archive a service starts from, by the JDK the launcher runs on, and what the launcher
 * says about it; and, on this JDK, that an archive made the way the build makes it is the one mapped.
 */
class StartupArchiveTest {

    @TempDir
    Path dir;

    @Test
    void java25MapsTheAotCacheAndNothingElse() throws IOException {
        Path build = buildWith(StartupArchive.AOT_CACHE, StartupArchive.APP_CDS);

        assertEquals(List.of("-XX:AOTCache=app.aot"), new StartupArchive(25).jvmArgs(build));
        assertEquals(List.of("-XX:AOTCache=app.aot"), new StartupArchive(26).jvmArgs(build));
        assertNull(new StartupArchive(25).advice(List.of(build)), "nothing to say when every build has its cache");
    }

    @Test
    void java17NeverGetsTheAotFlagItWouldRefuseToStartOn() throws IOException {
        Path builtOn25 = buildWith(StartupArchive.AOT_CACHE);
        Path builtOn17 = buildWith(StartupArchive.APP_CDS);

        assertEquals(List.of(), new StartupArchive(17).jvmArgs(builtOn25));
        assertEquals(List.of("-XX:SharedArchiveFile=app-cds.jsa"), new StartupArchive(17).jvmArgs(builtOn17));
    }

    @Test
    void beforeJava25TheLauncherSaysWhatJava25WouldGain() throws IOException {
        String withArchives = new StartupArchive(17).advice(List.of(buildWith(StartupArchive.APP_CDS)));
        String builtOn25 = new StartupArchive(21).advice(List.of(buildWith(StartupArchive.AOT_CACHE)));

        assertTrue(withArchives.startsWith("Java 17 ("), withArchives);
        assertTrue(withArchives.contains("start with AppCDS archives. On a JDK 25 or newer they start from AOT caches"),
                withArchives);
        assertTrue(builtOn25.contains("start without a startup archive (built on another JDK)"), builtOn25);
        assertTrue(builtOn25.contains("JAVA_HOME=<JDK 25> ./lockstep up"), builtOn25);
    }

    @Test
    void onJava25ABuildFromAnotherJdkIsNamed() throws IOException {
        String advice = new StartupArchive(25)
                .advice(List.of(buildWith(StartupArchive.AOT_CACHE), buildWith(StartupArchive.APP_CDS)));

        assertTrue(advice.contains("built on another JDK and start without their AOT caches"), advice);
        assertTrue(advice.contains("./mvnw -DskipTests package"), advice);
    }

    @Test
    void thisJdkMapsTheArchiveItMadeAtBuildTime() throws Exception {
        Path build = Files.createDirectories(dir.resolve("this-jdk"));
        jarWithMain(build.resolve("app.jar"));
        StartupArchive archive = StartupArchive.forThisJdk();
        // as Quarkus' build trains it: one start of the application that records, then exits
        List<String> training = archive.aotCaches() ? List.of("-XX:AOTCacheOutput=" + StartupArchive.AOT_CACHE)
                : List.of("-XX:ArchiveClassesAtExit=" + StartupArchive.APP_CDS, "-Xlog:cds=off");
        assertEquals(0, java(build, training, "training.log"), Files.readString(build.resolve("training.log")));

        List<String> flags = archive.jvmArgs(build);
        assertEquals(1, flags.size(), "one archive flag: " + flags);
        List<String> run = new ArrayList<>(flags);
        run.add("-Xlog:class+load=info");
        assertEquals(0, java(build, run, "run.log"));
        String log = Files.readString(build.resolve("run.log"));
        assertTrue(log.contains(Main.class.getName() + " source: shared objects file"),
                "the main class came from the archive:\n" + log.lines().filter(l -> l.contains("Main")).toList());
    }

    private Path buildWith(String... archives) throws IOException {
        Path build = Files.createTempDirectory(dir, "build");
        for (String archive : archives) {
            Files.writeString(build.resolve(archive), "archive");
        }
        return build;
    }

    /** Runs {@link Main} from {@code app.jar} in {@code workDir}, as the launcher runs a service; its exit code. */
    private static int java(Path workDir, List<String> flags, String logName) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags);
        command.addAll(List.of("-cp", "app.jar", Main.class.getName()));
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(workDir.resolve(logName).toFile()).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the JVM did not exit");
        return process.exitValue();
    }

    /** Archives hold only classes from jars: {@link Main} packed into one. */
    private static void jarWithMain(Path jarFile) throws IOException {
        String entry = Main.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(jarFile));
                var bytes = Main.class.getClassLoader().getResourceAsStream(entry)) {
            jar.putNextEntry(new JarEntry(entry));
            bytes.transferTo((OutputStream) jar);
            jar.closeEntry();
        }
    }

    /** An application that starts and ends. */
    public static final class Main {
        public static void main(String[] args) {
            System.out.println("started");
        }
    }
}
