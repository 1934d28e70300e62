package dev.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** https health URLs against a server with a throwaway self-signed certificate, as dev servers use. */
class HttpsProbeTest {
    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path dir;
    private static SSLContext serverContext;

    @BeforeAll
    static void selfSignedCertificate() throws IOException, InterruptedException, GeneralSecurityException {
        Path keystore = dir.resolve("server.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "dev",
                "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true).redirectOutput(dir.resolve("keytool.out").toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("keytool did not finish");
        }
        assertEquals(0, process.exitValue(), () -> read(dir.resolve("keytool.out")));
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD);
        serverContext = SSLContext.getInstance("TLS");
        serverContext.init(keys.getKeyManagers(), null, null);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static TestHttpServer tlsServer(TestHttpServer.Handler handler) throws IOException {
        SSLServerSocket socket = (SSLServerSocket) serverContext.getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        return TestHttpServer.start(socket, handler);
    }

    @Test
    void selfSignedHttpsServiceIsProbed() throws IOException {
        try (TestHttpServer server = tlsServer(TestHttpServer.status(200))) {
            ProbeResult result = new HttpProbe(HttpProbeTest.check("https://127.0.0.1:" + server.port() + "/ready",
                    200, 299, Duration.ofSeconds(5)), null).attempt();
            assertTrue(result.healthy(), result.detail());
            assertEquals("HTTP 200", result.detail());
            assertTrue(server.requests().get(0).startsWith("GET /ready HTTP/1.1\r\n"));
        }
    }

    @Test
    void aSilentHttpsServerTimesOutInTheHandshake() throws IOException {
        try (TestHttpServer server = TestHttpServer.start(TestHttpServer.status(200))) {
            ProbeResult result = new HttpProbe(HttpProbeTest.check("https://127.0.0.1:" + server.port() + "/",
                    100, 499, Duration.ofMillis(300)), null).attempt();
            assertFalse(result.healthy());
            assertEquals("timed out after 300ms in the TLS handshake with 127.0.0.1:" + server.port(),
                    result.detail());
        }
    }

    @Test
    void httpsAgainstAPlainHttpServerIsAHandshakeFailure() throws IOException {
        // Eager: a plain server would wait for a request head the TLS client never sends.
        try (TestHttpServer server = TestHttpServer.startEager(TestHttpServer.status(200))) {
            ProbeResult result = new HttpProbe(HttpProbeTest.check("https://127.0.0.1:" + server.port() + "/",
                    100, 499, Duration.ofSeconds(5)), null).attempt();
            assertFalse(result.healthy());
            assertTrue(result.detail().startsWith("TLS handshake with 127.0.0.1:" + server.port() + " failed: "),
                    result.detail());
        }
    }
}
