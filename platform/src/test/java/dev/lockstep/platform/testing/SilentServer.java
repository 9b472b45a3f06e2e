package dev.lockstep.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A dependency on 127.0.0.1 that never gives a whole answer: {@link #start()} accepts connections
 * and never answers, so a service's calls to it run into their timeouts (what a test profile with
 * shortened timeouts makes quick); {@link #cutMidAnswer()} sends a 200's headers and the first bytes
 * of its JSON body, then closes the connection, as the kernel does for a service killed while it answers.
 */
public final class SilentServer {

    private static final byte[] HALF_AN_ANSWER = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            + "Content-Length: 400\r\n\r\n[{\"id\":\"").getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket socket;
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    private SilentServer(boolean cut) {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket connection = socket.accept();
                    if (cut) {
                        cut(connection);
                    } else {
                        held.add(connection);
                    }
                } catch (IOException e) {
                    if (socket.isClosed()) {
                        return;
                    }
                }
            }
        }, "silent-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static SilentServer start() {
        return new SilentServer(false);
    }

    public static SilentServer cutMidAnswer() {
        return new SilentServer(true);
    }

    /** Its address, for a REST client's URL. */
    public String url() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    private static void cut(Socket connection) throws IOException {
        try (connection) {
            InputStream in = connection.getInputStream();
            int matched = 0;
            byte[] end = { '\r', '\n', '\r', '\n' };
            while (matched < end.length) { // the request's head; a GET has no body
                int b = in.read();
                if (b < 0) {
                    return;
                }
                matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            connection.getOutputStream().write(HALF_AN_ANSWER);
            connection.getOutputStream().flush();
            // closing now ends the connection mid-body, as the kernel does for a killed process
        }
    }
}
