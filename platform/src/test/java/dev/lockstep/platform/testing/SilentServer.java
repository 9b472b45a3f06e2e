package dev.lockstep.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A dependency that hangs: it accepts connections on 127.0.0.1 and never answers, so a service's
 * calls to it run into their timeouts (what a test profile with shortened timeouts makes quick).
 */
public final class SilentServer {

    private final ServerSocket socket;
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    private SilentServer() {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(() -> {
            while (!socket.isClosed()) {
                try {
                    held.add(socket.accept());
                } catch (IOException e) {
                    return;
                }
            }
        }, "silent-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static SilentServer start() {
        return new SilentServer();
    }

    /** Its address, for a REST client's URL. */
    public String url() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }
}
