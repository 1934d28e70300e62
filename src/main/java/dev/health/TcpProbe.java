package dev.health;

import dev.config.HealthCheck;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Healthy when a TCP connection can be opened.
 *
 * @param localBind null for an ephemeral client port; tests set it to provoke a self-connect
 */
record TcpProbe(HealthCheck.Tcp check, InetSocketAddress localBind) implements Probe {
    @Override
    public ProbeResult attempt() {
        Deadline deadline = new Deadline(check.timing().timeout());
        try {
            Socket socket = Connector.connect(check.host(), check.port(), localBind, deadline);
            Connector.closeQuietly(socket);
            return ProbeResult.healthy("connected to " + Connector.hostPort(check.host(), check.port()),
                    deadline.elapsed());
        } catch (ProbeFailure failure) {
            return ProbeResult.unhealthy(failure.getMessage(), deadline.elapsed());
        }
    }
}
