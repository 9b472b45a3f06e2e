package dev.lockstep.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What Linux's /proc tells about a process: its resident memory and its open files (0 once it is gone). */
public final class ProcessFacts {

    private ProcessFacts() {
    }

    /** Resident memory (VmRSS) in KiB. */
    public static long rssKib(long pid) throws IOException {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.exists(status)) {
            return 0;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }

    /** Open file descriptors (files, sockets, pipes). */
    public static long openFiles(long pid) throws IOException {
        Path fds = Path.of("/proc", Long.toString(pid), "fd");
        if (!Files.isDirectory(fds)) {
            return 0;
        }
        try (Stream<Path> open = Files.list(fds)) {
            return open.count();
        }
    }
}
