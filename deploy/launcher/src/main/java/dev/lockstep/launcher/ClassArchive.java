package dev.lockstep.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * A dynamic AppCDS archive for a plain-classpath JVM (the broker): its first run writes the classes it
 * loaded when it exits, every later start maps them instead of loading and verifying them again. The
 * archive is written under a temporary name and kept only when the JVM stopped by itself (a JVM killed
 * while it writes leaves nothing half-written behind). Its name carries the JDK's version and the
 * classpath's jars, so an upgraded JDK or broker writes a fresh one instead of being refused.
 */
final class ClassArchive {

    private final Path archive;
    private final Path partial;

    ClassArchive(Path dir, String name, Path classpathDir) {
        String key = Integer.toHexString((Runtime.version() + "|" + jarNames(classpathDir)).hashCode());
        this.archive = dir.resolve(name + "-" + key + ".jsa");
        this.partial = dir.resolve(name + "-" + key + ".jsa.part");
    }

    /**
     * Maps the archive if there is one, otherwise asks the JVM to write it when it exits (quietly: it
     * would list every class it skips in the log).
     */
    List<String> jvmArgs() {
        return Files.exists(archive) ? List.of("-XX:SharedArchiveFile=" + archive)
                : List.of("-XX:ArchiveClassesAtExit=" + partial, "-Xlog:cds*=off");
    }

    /** After the JVM ended: keeps what it wrote if it stopped by itself, otherwise drops it. */
    void stopped(boolean byItself) {
        try {
            if (byItself && Files.exists(partial)) {
                Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            // no archive this time: the next start loads the classes itself and tries again
        }
    }

    private static String jarNames(Path dir) {
        try (Stream<Path> jars = Files.list(dir)) {
            return String.join(",", jars.map(jar -> jar.getFileName().toString()).sorted().toList());
        } catch (IOException e) {
            return "";
        }
    }
}
