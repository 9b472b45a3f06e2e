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

    /**
     * Throws with a message that names the port, what wanted it, what holds it (where the system tells)
     * and the flags that move it: {@code flag} for this port alone, {@code --port-base} for all of them.
     */
    public static void requireFree(String host, int port, String what, String flag) {
        if (!free(host, port)) {
            throw new PortTakenException(what + " cannot start: " + host + ":" + port + " is already in use by "
                    + PortOwner.describe(port) + ".\n  Stop that, or move every port of this sandbox together with "
                    + "--port-base N (or LOCKSTEP_PORT_BASE=N), e.g. ./lockstep up --port-base 18081"
                    + (flag != null ? ", or this one alone with " + flag : "") + ".");
        }
    }

    /** A port that another process holds; the message says which and how to move the sandbox. */
    public static final class PortTakenException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        PortTakenException(String message) {
            super(message);
        }
    }
}
