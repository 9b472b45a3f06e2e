package dev.lockstep.launcher;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Which process listens on a local TCP port, read from Linux's {@code /proc} (the socket's inode in
 * {@code /proc/net/tcp*}, then the process whose file descriptors hold it). Elsewhere, or where the
 * process belongs to another user, it says so instead.
 */
final class PortOwner {

    private static final String LISTEN = "0A";

    private PortOwner() {
    }

    /** {@code "pid 4711 (java … kafka.Kafka …)"}, or a phrase saying the owner is not known. */
    static String describe(int port) {
        try {
            String inode = listeningInode(port);
            if (inode == null) {
                return "another process (not one this user can see)";
            }
            Long pid = processHolding("socket:[" + inode + "]");
            if (pid == null) {
                return "another process (not one this user can see)";
            }
            return "pid " + pid + " (" + commandLine(pid) + ")";
        } catch (IOException | RuntimeException e) {
            return "another process";
        }
    }

    private static String listeningInode(int port) throws IOException {
        String hexPort = String.format(Locale.ROOT, ":%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.isReadable(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file)) {
                String[] f = line.trim().split("\\s+");
                // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
                if (f.length > 9 && f[1].endsWith(hexPort) && LISTEN.equals(f[3])) {
                    return f[9];
                }
            }
        }
        return null;
    }

    private static Long processHolding(String socket) throws IOException {
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                try (DirectoryStream<Path> fds = Files.newDirectoryStream(process.resolve("fd"))) {
                    for (Path fd : fds) {
                        if (socket.equals(Files.readSymbolicLink(fd).toString())) {
                            return Long.parseLong(process.getFileName().toString());
                        }
                    }
                } catch (IOException e) {
                    // gone, or not ours to read
                }
            }
        }
        return null;
    }

    /** The program and the end of its arguments, where a Java process names its main class or jar. */
    private static String commandLine(long pid) throws IOException {
        String[] words = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"))).split("\0");
        String program = Path.of(words[0]).getFileName().toString();
        String rest = String.join(" ", Arrays.copyOfRange(words, 1, words.length)).trim();
        return rest.length() > 90 ? program + " … " + rest.substring(rest.length() - 90) : (program + " " + rest).trim();
    }
}
