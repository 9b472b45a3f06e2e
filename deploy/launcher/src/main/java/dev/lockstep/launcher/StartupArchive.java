package dev.lockstep.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The archive Quarkus made beside a service's {@code quarkus-run.jar} at build time, which spares the
 * service loading and linking its classes at every start: on a JDK 25 or newer an AOT cache
 * ({@code app.aot}, JEP 483/514/515: classes loaded and linked, method profiles), built by the root
 * POM's {@code aot-cache} profile; on older JDKs an AppCDS archive ({@code app-cds.jsa}). Each JDK can
 * map only its own kind, made by the same JDK build: an archive of the other kind is not passed (JDK 17
 * would refuse to start on {@code -XX:AOTCache}), and one from another build of the same JDK is refused
 * by the JVM with a warning in the service's log, which then starts without it.
 */
final class StartupArchive {

    static final String AOT_CACHE = "app.aot";
    static final String APP_CDS = "app-cds.jsa";
    /** The first JDK whose AOT cache takes Quarkus's build-time training in one step (JEP 514). */
    static final int AOT_JDK = 25;

    private final int jdk;

    StartupArchive(int jdk) {
        this.jdk = jdk;
    }

    /** For the JDK this launcher runs on (its child JVMs run the same one). */
    static StartupArchive forThisJdk() {
        return new StartupArchive(Runtime.version().feature());
    }

    boolean aotCaches() {
        return jdk >= AOT_JDK;
    }

    /**
     * The flag that maps the archive in {@code buildDir}, where the service runs: both archives name the
     * jar as the build ran it, relative to that folder (Java 17 refuses an AppCDS archive for any other
     * spelling of the path, "APP classpath mismatch").
     */
    List<String> jvmArgs(Path buildDir) {
        String name = aotCaches() ? AOT_CACHE : APP_CDS;
        if (!Files.exists(buildDir.resolve(name))) {
            return List.of();
        }
        return List.of(aotCaches() ? "-XX:AOTCache=" + name : "-XX:SharedArchiveFile=" + name);
    }

    /**
     * One line on what this JDK makes of the archives, or null when there is nothing to say: the JDK
     * has the caches and every build has one.
     *
     * @param buildDirs the folders the services run from
     */
    String advice(List<Path> buildDirs) {
        String version = "Java " + jdk + " (" + System.getProperty("java.home") + ")";
        boolean missing = buildDirs.stream().anyMatch(dir -> jvmArgs(dir).isEmpty());
        if (!aotCaches()) {
            return version + ": the services start " + (missing ? "without a startup archive (built on another JDK)"
                    : "with AppCDS archives") + ". On a JDK " + AOT_JDK + " or newer they start from AOT caches"
                    + " trained at build time, sooner and on less CPU (README, \"Which JDK\"):"
                    + " JAVA_HOME=<JDK " + AOT_JDK + "> ./lockstep up";
        }
        if (missing) {
            return version + ": the services were built on another JDK and start without their AOT caches;"
                    + " `./mvnw -DskipTests package` on this JDK trains them";
        }
        return null;
    }
}
