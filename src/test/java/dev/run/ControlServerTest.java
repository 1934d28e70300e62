package dev.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.ServiceSnapshot;
import dev.orchestrator.ServiceState;
import dev.orchestrator.StackSnapshot;
import dev.testing.Await;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The control socket with a real Unix socket and a stand-in stack: load, leaks, and hostile input. */
class ControlServerTest {
    private static final Duration ANSWER = Duration.ofSeconds(10);
    private static final Duration SETTLE = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    Path socket;
    FakeTarget target;
    ControlServer server;
    int baselineThreads;

    @BeforeEach
    void startServer() throws IOException {
        socket = dir.resolve("run").resolve("control.sock");
        target = new FakeTarget();
        server = ControlServer.start(socket, target);
        baselineThreads = liveThreads();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void socketDirectoryIsOwnerOnlyAndTheSocketGoesAwayOnClose() throws IOException {
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent())));
        assertTrue(Files.exists(socket));
        server.close();
        assertFalse(Files.exists(socket), "close removes the socket file");
    }

    @Test
    void answersAHundredConcurrentStatusClients() throws Exception {
        int clients = 100;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<JsonNode>> replies = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                replies.add(pool.submit(() -> {
                    go.await();
                    try (ControlClient client = ControlClient.connect(socket)) {
                        return client.request(ControlProtocol.request("status"), ANSWER);
                    }
                }));
            }
            go.countDown();
            for (Future<JsonNode> f : replies) {
                JsonNode reply = f.get(30, TimeUnit.SECONDS);
                assertTrue(reply.path("ok").asBoolean(), reply::toString);
                assertEquals("api", reply.path("stack").path("services").path(0).path("name").asText(), reply::toString);
            }
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
        awaitNoConnectionsAndBaselineThreads();
    }

    @Test
    void aThousandSubscribeCyclesLeaveNoConnectionOrThread() throws Exception {
        for (int i = 0; i < 1000; i++) {
            try (ControlClient client = ControlClient.connect(socket)) {
                client.send(ControlProtocol.request("subscribe"));
                JsonNode first = client.next(ANSWER);
                assertEquals("snapshot", first.path("event").asText(), first::toString);
                if (i % 100 == 0) {
                    server.snapshot(target.snapshot()); // events flowing while clients come and go
                    server.notice("cycle " + i);
                }
            }
        }
        awaitNoConnectionsAndBaselineThreads();
        assertEquals(0, server.subscriberCount());
    }

    @Test
    void subscribersReceiveEveryChangeUntilTheyLeave() throws Exception {
        try (ControlClient client = ControlClient.connect(socket)) {
            client.send(ControlProtocol.request("subscribe"));
            assertEquals("snapshot", client.next(ANSWER).path("event").asText());
            Await.until(SETTLE, () -> server.subscriberCount() == 1, "subscribed");
            server.notice("hello");
            JsonNode notice = client.until(m -> "notice".equals(m.path("event").asText()), ANSWER);
            assertEquals("hello", notice.path("message").asText(), String.valueOf(notice));
        }
        Await.until(SETTLE, () -> server.subscriberCount() == 0 && server.activeConnections() == 0,
                "a subscriber that hangs up is released without any further event");
    }

    @Test
    void cutsOffASubscriberThatNeverReads() throws Exception {
        try (RawSocketClient stuck = RawSocketClient.connect(socket)) {
            stuck.send("{\"v\":1,\"op\":\"subscribe\"}\n");
            Await.until(SETTLE, () -> server.subscriberCount() == 1, "subscribed");
            String padding = "x".repeat(4096);
            // Far more than the socket buffers plus the subscriber's backlog can hold.
            for (int i = 0; i < Subscriber.MAX_BACKLOG * 4; i++) {
                server.notice(padding + i);
            }
            Await.until(SETTLE, () -> server.subscriberCount() == 0 && server.activeConnections() == 0,
                    () -> "the stuck subscriber is cut off (subscribers " + server.subscriberCount() + ", connections "
                            + server.activeConnections() + ")");
            try (ControlClient other = ControlClient.connect(socket)) {
                assertTrue(other.request(ControlProtocol.request("status"), ANSWER).path("ok").asBoolean());
            }
        }
        awaitNoConnectionsAndBaselineThreads();
    }

    @Test
    void malformedRequestsGetAnErrorOrAreDroppedAndTheServerKeepsServing() throws Exception {
        assertError("not json at all\n", "malformed request");
        assertError("{\"v\":2,\"op\":\"status\"}\n", "unsupported request");
        assertError("{\"op\":\"status\"}\n", "unsupported request");
        assertError("[1,2,3]\n", "unsupported request");
        assertError("null\n", "unsupported request");
        assertError("\n", "unsupported request");
        assertError("{\"v\":1,\"op\":\"launch-missiles\"}\n", "unknown op");
        assertError("{\"v\":1}\n", "unknown op");
        assertError("{\"v\":1,\"op\":\"stop\",\"services\":[\"nope\"]}\n", "unknown service");
        assertError("{\"v\":1,\"op\":\"restart\",\"services\":[]}\n", "at least one service");
        assertTrue(target.stops.isEmpty() && target.restarts.isEmpty(), "no bad request reached the stack");
        assertServes();

        // Several errors on one connection, then a good request on it: the connection stays usable.
        try (RawSocketClient c = RawSocketClient.connect(socket)) {
            c.send("garbage\n{\"v\":1,\"op\":\"status\"}\n");
            assertTrue(line(c.read(ANSWER)).contains("\"ok\":false"));
            assertTrue(line(c.read(ANSWER)).contains("\"ok\":true"));
        }

        // A 10 MB line: refused after the cap, never buffered whole.
        try (RawSocketClient c = RawSocketClient.connect(socket)) {
            byte[] huge = new byte[10 * 1024 * 1024];
            Arrays.fill(huge, (byte) 'a');
            huge[huge.length - 1] = '\n';
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
                try {
                    c.send(huge);
                } catch (IOException e) {
                    // the server hung up mid-way: expected
                }
            });
            RawSocketClient.Reply reply = c.read(ANSWER);
            if (reply instanceof RawSocketClient.Line l) {
                assertTrue(l.text().contains("longer than"), l.text());
            } else {
                assertInstanceOf(RawSocketClient.HungUp.class, reply);
            }
            c.close();
            sending.get(10, TimeUnit.SECONDS);
        }
        assertServes();

        // Random bytes (with and without newlines), then hang up.
        Random random = new Random(42);
        for (int i = 0; i < 20; i++) {
            try (RawSocketClient c = RawSocketClient.connect(socket)) {
                byte[] noise = new byte[1 + random.nextInt(4096)];
                random.nextBytes(noise);
                c.send(noise);
                c.shutdownOutput();
                RawSocketClient.Reply reply;
                do {
                    reply = c.read(ANSWER);
                    if (reply instanceof RawSocketClient.Line l) {
                        assertTrue(l.text().contains("\"ok\":false"), l.text());
                    }
                } while (reply instanceof RawSocketClient.Line);
                assertInstanceOf(RawSocketClient.HungUp.class, reply, "dropped once the client is done");
            }
        }
        assertServes();

        // A half-open request that never ends: it costs its own connection only.
        try (RawSocketClient halfOpen = RawSocketClient.connect(socket)) {
            halfOpen.send("{\"v\":1,\"op\":\"sta");
            Await.until(SETTLE, () -> server.activeConnections() == 1, "the half-open connection is accepted");
            assertServes();
            assertServes();
        }
        awaitNoConnectionsAndBaselineThreads();
    }

    @Test
    void stopAndRestartRequestsReachTheStackAndAnswerWhenDone() throws Exception {
        try (ControlClient client = ControlClient.connect(socket)) {
            JsonNode stop = client.request(ControlProtocol.request("stop", List.of("api")).put("force", true)
                    .put("timeout_ms", 1500), ANSWER);
            assertTrue(stop.path("ok").asBoolean(), stop::toString);
            JsonNode restart = client.request(ControlProtocol.request("restart", List.of("db")), ANSWER);
            assertTrue(restart.path("ok").asBoolean(), restart::toString);
        }
        assertEquals(List.of("[api] force=true timeout=PT1.5S"), target.stops);
        assertEquals(List.of("[db]"), target.restarts);
    }

    @Test
    void closingTheServerHangsUpOnEveryClient() throws Exception {
        try (ControlClient subscriber = ControlClient.connect(socket);
             RawSocketClient idle = RawSocketClient.connect(socket)) {
            subscriber.send(ControlProtocol.request("subscribe"));
            subscriber.next(ANSWER);
            Await.until(SETTLE, () -> server.activeConnections() == 2, "both connected");
            server.close();
            Await.until(SETTLE, () -> server.activeConnections() == 0, "every connection thread ends");
            assertInstanceOf(RawSocketClient.HungUp.class, idle.read(ANSWER));
            assertThrowsEof(subscriber);
        }
        awaitNoConnectionsAndBaselineThreads();
    }

    private static void assertThrowsEof(ControlClient client) throws IOException {
        try {
            JsonNode m;
            do {
                m = client.next(ANSWER);
            } while (m != null);
            throw new AssertionError("the subscriber was not hung up on");
        } catch (java.io.EOFException expected) {
            // hung up
        }
    }

    private void assertError(String request, String fragment) throws IOException {
        try (RawSocketClient c = RawSocketClient.connect(socket)) {
            c.send(request.getBytes(StandardCharsets.UTF_8));
            String reply = line(c.read(ANSWER));
            JsonNode n = Json.read(reply);
            assertTrue(ControlProtocol.isError(n), reply);
            assertEquals(ControlProtocol.VERSION, n.path("v").asInt(), reply);
            assertTrue(n.path("error").asText().contains(fragment), () -> request.strip() + " → " + reply);
        }
    }

    private void assertServes() throws IOException {
        try (ControlClient client = ControlClient.connect(socket)) {
            JsonNode reply = client.request(ControlProtocol.request("status"), ANSWER);
            assertTrue(reply.path("ok").asBoolean(), reply::toString);
        }
    }

    private static String line(RawSocketClient.Reply reply) {
        if (reply instanceof RawSocketClient.Line l) {
            return l.text();
        }
        throw new AssertionError("expected a reply line, got " + reply);
    }

    private void awaitNoConnectionsAndBaselineThreads() {
        Await.until(SETTLE, () -> server.activeConnections() == 0 && liveThreads() <= baselineThreads + 2,
                () -> "connections " + server.activeConnections() + ", threads " + liveThreads() + " (baseline "
                        + baselineThreads + ")");
    }

    private static int liveThreads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    /** A stack of two services that records what it was asked to do. */
    static final class FakeTarget implements ControlTarget {
        final List<String> stops = new CopyOnWriteArrayList<>();
        final List<String> restarts = new CopyOnWriteArrayList<>();
        private final Instant started = Instant.now();

        @Override
        public StackSnapshot snapshot() {
            return new StackSnapshot("demo", "run-1", started, List.of(service("api", 101), service("db", 102)), false);
        }

        private ServiceSnapshot service(String name, long pid) {
            return new ServiceSnapshot(name, ServiceState.RUNNING, pid, pid, started, null, null, started, started, 0,
                    null, null, List.of(), null, false, false);
        }

        @Override
        public CompletableFuture<Void> stop(Set<String> services, boolean force, Duration timeout) {
            stops.add(services.stream().sorted().toList() + " force=" + force + " timeout=" + timeout);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> restart(Set<String> services) {
            restarts.add(services.stream().sorted().toList().toString());
            return CompletableFuture.completedFuture(null);
        }
    }
}
