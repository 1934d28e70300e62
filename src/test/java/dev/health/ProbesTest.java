package dev.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.config.HealthCheck;
import dev.config.HealthSpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public entry point dispatches every pollable kind and refuses the others. */
class ProbesTest {
    private static final HealthSpec.Timing TIMING = HealthSpec.Timing.DEFAULT;

    @TempDir
    Path dir;

    private ProbeContext context() {
        return new ProbeContext(dir, Map.of("PATH", System.getenv("PATH")));
    }

    @Test
    void tcp() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            ProbeResult result = Probes.run(new HealthCheck.Tcp("127.0.0.1", server.getLocalPort(), TIMING), context());
            assertTrue(result.healthy(), result.detail());
        }
    }

    @Test
    void http() throws IOException {
        try (TestHttpServer server = TestHttpServer.start(TestHttpServer.status(200))) {
            ProbeResult result = Probes.run(HttpProbeTest.check("http://127.0.0.1:" + server.port() + "/", 100, 499,
                    Duration.ofSeconds(1)), context());
            assertEquals("HTTP 200", result.detail());
        }
    }

    @Test
    void exec() {
        ProbeResult result = Probes.run(new HealthCheck.Exec("echo fine", TIMING), context());
        assertEquals("exit 0: fine", result.detail());
    }

    @Test
    void logAndUptimeAreNotPolled() {
        assertThrows(IllegalArgumentException.class,
                () -> Probes.run(new HealthCheck.Log(Pattern.compile("ready"), TIMING), context()));
        assertThrows(IllegalArgumentException.class, () -> Probes.run(new HealthCheck.Uptime(TIMING), context()));
    }
}
