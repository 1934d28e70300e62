package dev.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.config.HealthCheck;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class HttpProbeTest {
    /** SPEC default: any response below 500. */
    private static final int ANY_BELOW_500 = 499;

    static HealthCheck.Http check(String url, int min, int max, Duration timeout) {
        return new HealthCheck.Http(URI.create(url), min, max, TcpProbeTest.timeout(timeout));
    }

    private static ProbeResult probe(TestHttpServer server, String path, int min, int max) {
        return new HttpProbe(check("http://127.0.0.1:" + server.port() + path, min, max,
                Duration.ofSeconds(2)), null).attempt();
    }

    @Test
    void okIsHealthyAndTheRequestIsAPlainGetWithoutKeepAlive() throws IOException {
        try (TestHttpServer server = TestHttpServer.start(TestHttpServer.status(200))) {
            ProbeResult result = probe(server, "/health?deep=1", 100, ANY_BELOW_500);
            assertTrue(result.healthy(), result.detail());
            assertEquals("HTTP 200", result.detail());
            String head = server.requests().get(0);
            assertTrue(head.startsWith("GET /health?deep=1 HTTP/1.1\r\n"), head);
            assertTrue(head.contains("\r\nHost: 127.0.0.1:" + server.port() + "\r\n"), head);
            assertTrue(head.contains("\r\nConnection: close\r\n"), head);
            assertTrue(head.contains("\r\nUser-Agent: dev-health\r\n"), head);
        }
    }

    @Test
    void emptyPathRequestsTheRoot() throws IOException {
        try (TestHttpServer server = TestHttpServer.start(TestHttpServer.status(200))) {
            assertTrue(probe(server, "", 100, ANY_BELOW_500).healthy());
            assertTrue(server.requests().get(0).startsWith("GET / HTTP/1.1\r\n"), server.requests().get(0));
        }
    }

    @Test
    void notFoundCountsAsHealthyByDefault() throws IOException {
        try (TestHttpServer server = TestHttpServer.start(TestHttpServer.status(404))) {
            ProbeResult result = probe(server, "/", 100, ANY_BELOW_500);
            assertTrue(result.healthy());
            assertEquals("HTTP 404", result.detail());
        }
    }

    @Test
    void serverErrorIsUnhealthy() throws IOException {
        try (TestHttpServer server = TestHttpServer.start(TestHttpServer.status(503))) {
            ProbeResult result = probe(server, "/", 100, ANY_BELOW_500);
            assertFalse(result.healthy());
            assertEquals("HTTP 503", result.detail());
        }
    }

    @Test
    void statusRangeNarrowsSuccess() throws IOException {
        try (TestHttpServer ok = TestHttpServer.start(TestHttpServer.status(204));
                TestHttpServer redirect = TestHttpServer.start(TestHttpServer.status(302))) {
            assertTrue(probe(ok, "/", 200, 299).healthy());
            ProbeResult result = probe(redirect, "/", 200, 299);
            assertFalse(result.healthy());
            assertEquals("HTTP 302", result.detail());
        }
    }

    @Test
    void aSlowButTimelyAnswerIsHealthy() throws IOException {
        TestHttpServer.Handler slow = (head, out) -> {
            Thread.sleep(150); // the service's deliberate delay, not test synchronisation
            TestHttpServer.status(200).handle(head, out);
        };
        try (TestHttpServer server = TestHttpServer.start(slow)) {
            ProbeResult result = probe(server, "/", 100, ANY_BELOW_500);
            assertTrue(result.healthy(), result.detail());
            assertTrue(result.took().toMillis() >= 150, "took " + result.took());
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOutOnTime() throws IOException {
        CountDownLatch never = new CountDownLatch(1);
        try (TestHttpServer server = TestHttpServer.start((head, out) -> never.await())) {
            ProbeResult result = new HttpProbe(check("http://127.0.0.1:" + server.port() + "/", 100,
                    ANY_BELOW_500, Duration.ofMillis(300)), null).attempt();
            assertFalse(result.healthy());
            assertEquals("timed out after 300ms waiting for a response from 127.0.0.1:" + server.port(),
                    result.detail());
            assertTookAbout(300, result);
        } finally {
            never.countDown();
        }
    }

    @Test
    void aServerDribblingBytesCannotStretchTheDeadline() throws IOException {
        // Each byte arrives well within a read timeout; only the overall deadline stops this.
        TestHttpServer.Handler dribble = (head, out) -> {
            for (byte b : "HTTP/1.1 200 OK but very slowly".getBytes(StandardCharsets.US_ASCII)) {
                out.write(b);
                out.flush();
                Thread.sleep(50);
            }
        };
        try (TestHttpServer server = TestHttpServer.start(dribble)) {
            ProbeResult result = new HttpProbe(check("http://127.0.0.1:" + server.port() + "/", 100,
                    ANY_BELOW_500, Duration.ofMillis(400)), null).attempt();
            assertFalse(result.healthy());
            assertTrue(result.detail().startsWith("timed out after 400ms"), result.detail());
            assertTookAbout(400, result);
        }
    }

    private static void assertTookAbout(long millis, ProbeResult result) {
        long took = result.took().toMillis();
        assertTrue(took >= millis - 10 && took < millis + 700, "took " + took + " ms for a " + millis + " ms deadline");
    }

    @Test
    void refusedConnectionIsUnhealthy() throws IOException {
        int port = TcpProbeTest.freePort();
        ProbeResult result = new HttpProbe(check("http://127.0.0.1:" + port + "/health", 100, ANY_BELOW_500,
                Duration.ofSeconds(1)), null).attempt();
        assertFalse(result.healthy());
        assertEquals("connection refused 127.0.0.1:" + port, result.detail());
    }

    @Test
    void hangUpWithoutAnswerIsUnhealthy() throws IOException {
        try (TestHttpServer server = TestHttpServer.start((head, out) -> { })) {
            ProbeResult result = probe(server, "/", 100, ANY_BELOW_500);
            assertFalse(result.healthy());
            assertEquals("connection closed by 127.0.0.1:" + server.port() + " before a response", result.detail());
        }
    }

    @Test
    void somethingOtherThanHttpIsUnhealthy() throws IOException {
        TestHttpServer.Handler redis = (head, out) -> out.write("-ERR unknown command 'GET'\r\n".getBytes(
                StandardCharsets.US_ASCII));
        try (TestHttpServer server = TestHttpServer.start(redis)) {
            ProbeResult result = probe(server, "/", 100, ANY_BELOW_500);
            assertFalse(result.healthy());
            assertEquals("not an HTTP response from 127.0.0.1:" + server.port() + ": -ERR unknown command 'GET'",
                    result.detail());
        }
    }

    @Test
    void proxySettingsAreIgnored() throws IOException {
        int deadPort = TcpProbeTest.freePort();
        // If any of these were honoured the request would go to a black hole or a closed port.
        Map<String, String> proxies = Map.of(
                "http.proxyHost", "10.255.255.1", "http.proxyPort", "3128",
                "https.proxyHost", "10.255.255.1", "https.proxyPort", "3128",
                "socksProxyHost", "127.0.0.1", "socksProxyPort", Integer.toString(deadPort),
                "http.nonProxyHosts", "", "java.net.useSystemProxies", "true");
        Map<String, String> saved = new HashMap<>();
        proxies.keySet().forEach(key -> saved.put(key, System.getProperty(key)));
        try (TestHttpServer server = TestHttpServer.start(TestHttpServer.status(200))) {
            proxies.forEach(System::setProperty);
            ProbeResult result = probe(server, "/health", 100, ANY_BELOW_500);
            assertTrue(result.healthy(), result.detail());
            // Origin form, as to a server; a proxy would have been sent the absolute URL.
            assertTrue(server.requests().get(0).startsWith("GET /health HTTP/1.1"), server.requests().get(0));
        } finally {
            saved.forEach((key, value) -> {
                if (value == null) {
                    System.clearProperty(key);
                } else {
                    System.setProperty(key, value);
                }
            });
        }
    }

    @Test
    void selfConnectIsNotMistakenForAServer() throws IOException {
        int port = TcpProbeTest.freePort();
        HealthCheck.Http check = check("http://127.0.0.1:" + port + "/", 100, ANY_BELOW_500, Duration.ofSeconds(1));
        InetSocketAddress sameEnd = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        ProbeResult result = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            result = new HttpProbe(check, sameEnd).attempt();
            assertFalse(result.healthy(), result.detail());
            if (result.detail().startsWith("self-connect")) {
                break;
            }
        }
        assertTrue(result.detail().startsWith("self-connect on 127.0.0.1:" + port), result.detail());
        TcpProbeTest.assertPortFree(port);
    }

    @Test
    void unsupportedSchemeIsUnhealthy() {
        ProbeResult result = new HttpProbe(check("ftp://127.0.0.1:21/", 100, ANY_BELOW_500,
                Duration.ofSeconds(1)), null).attempt();
        assertFalse(result.healthy());
        assertEquals("unsupported URL scheme in ftp://127.0.0.1:21/ (http or https)", result.detail());
    }
}
