package dev.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.config.HealthCheck;
import dev.config.HealthSpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TcpProbeTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    static HealthSpec.Timing timeout(Duration timeout) {
        return new HealthSpec.Timing(Duration.ofSeconds(2), timeout, 3, Duration.ZERO);
    }

    static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, LOOPBACK)) {
            return probe.getLocalPort();
        }
    }

    private static ProbeResult probe(int port, Duration timeout) {
        return new TcpProbe(new HealthCheck.Tcp("127.0.0.1", port, timeout(timeout)), null).attempt();
    }

    @Test
    void listeningPortIsHealthy() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 50, LOOPBACK)) {
            ProbeResult result = probe(server.getLocalPort(), Duration.ofSeconds(1));
            assertTrue(result.healthy(), result.detail());
            assertEquals("connected to 127.0.0.1:" + server.getLocalPort(), result.detail());
        }
    }

    @Test
    void closedPortIsRefused() throws IOException {
        int port = freePort();
        ProbeResult result = probe(port, Duration.ofSeconds(1));
        assertFalse(result.healthy());
        assertEquals("connection refused 127.0.0.1:" + port, result.detail());
    }

    @Test
    void connectTimeoutRespectsTheDeadline() throws IOException {
        // A full accept queue makes Linux drop further SYNs: the connect hangs, as towards a
        // firewalled host, but without leaving loopback.
        try (ServerSocket server = new ServerSocket(0, 1, LOOPBACK)) {
            List<Socket> backlog = new ArrayList<>();
            try {
                fillAcceptQueue(server.getLocalPort(), backlog);
                ProbeResult result = probe(server.getLocalPort(), Duration.ofMillis(300));
                assertFalse(result.healthy());
                assertEquals("timed out after 300ms connecting to 127.0.0.1:" + server.getLocalPort(),
                        result.detail());
                assertTrue(result.took().toMillis() >= 290 && result.took().toMillis() < 1500,
                        "took " + result.took());
            } finally {
                for (Socket s : backlog) {
                    s.close();
                }
            }
        }
    }

    private static void fillAcceptQueue(int port, List<Socket> held) throws IOException {
        for (int i = 0; i < 64; i++) {
            Socket s = new Socket(Proxy.NO_PROXY);
            try {
                s.connect(new InetSocketAddress(LOOPBACK, port), 200);
                held.add(s);
            } catch (SocketTimeoutException full) {
                s.close();
                return;
            }
        }
        fail("accept queue never filled up");
    }

    @Test
    void selfConnectIsReportedAndLeavesThePortFree() throws IOException {
        // Binding the probe's client end to the very port it probes reproduces what an unlucky
        // ephemeral port does: with nobody listening, Linux completes a TCP simultaneous open of
        // the socket with itself.
        int port = freePort();
        HealthCheck.Tcp check = new HealthCheck.Tcp("127.0.0.1", port, timeout(Duration.ofSeconds(1)));
        InetSocketAddress sameEnd = new InetSocketAddress(LOOPBACK, port);
        ProbeResult result = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            result = new TcpProbe(check, sameEnd).attempt();
            assertFalse(result.healthy(), "a self-connect must never count as healthy: " + result.detail());
            if (result.detail().startsWith("self-connect")) {
                break;
            }
        }
        assertEquals("self-connect on 127.0.0.1:" + port + " (nothing listening there yet)", result.detail());
        assertPortFree(port);
    }

    /** Binds without SO_REUSEADDR: fails while any socket, even one in TIME_WAIT, holds the port. */
    static void assertPortFree(int port) throws IOException {
        try (ServerSocket server = new ServerSocket()) {
            server.setReuseAddress(false);
            server.bind(new InetSocketAddress(LOOPBACK, port));
        }
    }
}
