package dev.health;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Opens the raw TCP connection every socket probe starts with.
 *
 * <p>Two traps it avoids. Proxies: {@code new Socket()} would honour {@code socksProxyHost}, so the
 * socket is created with {@link Proxy#NO_PROXY}; probes talk to local services directly whatever
 * the user's proxy settings. Self-connects: probing a port nobody listens on yet, from an
 * ephemeral port that happens to equal it, makes Linux complete a TCP "simultaneous open" with
 * itself; the probe would report healthy and, worse, occupy the very port the service is about
 * to bind. Such a connection is recognised (local address and port equal the remote ones) and
 * reset, which frees the port at once instead of leaving it in TIME_WAIT.
 */
final class Connector {
    private Connector() {
    }

    /**
     * @param localBind where to bind the client end, or null for an ephemeral port (tests bind it
     *                  to the target port to provoke a self-connect)
     * @return a connected socket, owned by the caller
     */
    static Socket connect(String host, int port, InetSocketAddress localBind, Deadline deadline)
            throws ProbeFailure {
        String target = hostPort(host, port);
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new ProbeFailure("unknown host " + host);
        }
        Socket socket = new Socket(Proxy.NO_PROXY);
        try {
            if (localBind != null) {
                socket.setReuseAddress(true);
                socket.bind(localBind);
            }
            socket.connect(new InetSocketAddress(address, port), deadline.remainingSocketMillis());
        } catch (SocketTimeoutException e) {
            closeQuietly(socket);
            throw new ProbeFailure(deadline.timedOut() + " connecting to " + target);
        } catch (ConnectException e) {
            closeQuietly(socket);
            throw new ProbeFailure(describeConnectFailure(e, target));
        } catch (IOException e) {
            closeQuietly(socket);
            throw new ProbeFailure("cannot connect to " + target + ": " + message(e));
        }
        if (isSelfConnected(socket)) {
            reset(socket);
            throw new ProbeFailure("self-connect on " + target + " (nothing listening there yet)");
        }
        return socket;
    }

    static boolean isSelfConnected(Socket socket) {
        return socket.getLocalPort() == socket.getPort()
                && socket.getLocalAddress().equals(socket.getInetAddress());
    }

    /** {@code host:port}, with IPv6 literals bracketed. */
    static String hostPort(String host, int port) {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Nothing useful to do: the probe's outcome is already decided.
        }
    }

    static String message(IOException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.toLowerCase(Locale.ROOT);
    }

    private static String describeConnectFailure(ConnectException e, String target) {
        String m = message(e);
        return m.contains("refused") ? "connection refused " + target : "cannot connect to " + target + ": " + m;
    }

    /** Closes with an RST (linger 0) so the local port is released immediately. */
    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException ignored) {
            // Still close below; the port may then linger in TIME_WAIT for a while.
        }
        closeQuietly(socket);
    }
}
