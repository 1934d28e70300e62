package dev.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Bind tests: the only reliable way to know a server could listen on a port is to try. With a client
 * {@link Socket}, whose bind(2) fails with EADDRINUSE exactly when a server holds the port, and no listen(2)
 * after it: a {@link java.net.ServerSocket} would listen, however briefly, and dev never has a TCP listener
 * (SPEC §3), not even while it checks a port — on the wildcard address, a remote client could connect.
 */
final class PortProbe {
    private static final int ATTEMPTS = 20;
    private static final InetAddress LOOPBACK_V4 = loopbackV4();

    private PortProbe() {
    }

    /**
     * Tries 127.0.0.1 and the wildcard address. One is not enough: on macOS (BSD sockets) a bind to 127.0.0.1
     * succeeds beside a wildcard listener, and a wildcard bind can succeed beside a loopback listener.
     * SO_REUSEADDR is set, as servers set it, so connections lingering in TIME_WAIT do not count as "in use".
     */
    static boolean free(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("not a TCP port: " + port);
        }
        return canBind(new InetSocketAddress(LOOPBACK_V4, port))
                && canBind(new InetSocketAddress(port));
    }

    /** An ephemeral port free on loopback and wildcard right now (another process may still take it later). */
    static int freePort() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port;
            try (Socket socket = new Socket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(LOOPBACK_V4, 0));
                port = socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot bind an ephemeral port on 127.0.0.1", e);
            }
            if (free(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port found in " + ATTEMPTS + " attempts");
    }

    private static boolean canBind(InetSocketAddress address) {
        try (Socket socket = new Socket()) {
            socket.setReuseAddress(true);
            socket.bind(address);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static InetAddress loopbackV4() {
        try {
            return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError("a 4-byte address is always valid", e);
        }
    }
}
