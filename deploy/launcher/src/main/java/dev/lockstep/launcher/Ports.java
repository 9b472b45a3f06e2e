package dev.lockstep.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Checks whether a local TCP port is free, so that nothing starts on top of a running sandbox. */
public final class Ports {

    private Ports() {
    }

    public static boolean free(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // Reuse lets the bind succeed over TIME_WAIT leftovers but still fails if anything listens.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Throws with a clear message when the port is taken. */
    public static void requireFree(String host, int port, String what) {
        if (!free(host, port)) {
            throw new IllegalStateException(what + " cannot start: " + host + ":" + port
                    + " is already in use (is another Lockstep sandbox running?)");
        }
    }
}
