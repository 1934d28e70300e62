package dev.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.run.ControlClient;
import dev.run.ControlProtocol;
import dev.testing.Await;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The control socket of a real background orchestrator under abuse, all at once: 200 concurrent status clients,
 * random bytes, half-open requests that never end, 10 MB lines, subscribers that never read.
 * Throughout, a watcher asks for the status every 50 ms and every answer must come within two seconds; after
 * each round the orchestrator's threads and file descriptors return to their baseline and its heap after a full
 * GC stays within a few megabytes of it — a second round must not cost more than the first. (The in-process
 * {@code dev.run.ControlServerTest} covers each kind of abuse alone against a stand-in stack, including a
 * subscriber cut off for not reading a flood of events.)
 */
class ControlSocketAbuseTest {
    static final int CONCURRENT_CLIENTS = 200;
    private static final Duration ANSWER = Duration.ofSeconds(2);
    private static final Duration ROUND = Duration.ofSeconds(60);
    private static final long HEAP_SLACK = 4L * 1024 * 1024;

    @TempDir
    Path temp;
    DevProject project;
    long orchestrator;
    Path socket;

    @BeforeEach
    void startStack() {
        project = new DevProject(temp.resolve("abused")).write("""
                [services.api]
                command = "echo ready; exec sleep 600"
                health = { log = "^ready$" }

                [services.worker]
                command = "echo ready; exec sleep 600"
                depends_on = ["api"]
                health = { log = "^ready$" }
                """);
        DevProject.Result start = project.dev("start", "--wait");
        assertEquals(0, start.code(), start::toString);
        JsonNode lock = project.lock().orElseThrow();
        orchestrator = lock.path("pid").asLong();
        socket = Path.of(lock.path("socket").asText());
    }

    @AfterEach
    void stopStack() {
        try {
            DevProject.Result stop = project.dev("stop");
            assertEquals(0, stop.code(), stop::toString);
        } finally {
            project.close();
        }
    }

    @Test
    void keepsServingThroughAbuseAndReturnsToItsBaseline() throws Exception {
        // jcmd's first attach starts a listener thread (and socket) in the orchestrator for good: before the baseline.
        ProcessResources.heapAfterFullGc(orchestrator);
        ProcessResources baseline = settled(null);
        Watcher watcher = new Watcher(socket);
        try {
            abuse(new Random(1));
            ProcessResources first = settled(baseline);
            abuse(new Random(2));
            ProcessResources second = settled(baseline);
            System.out.println("baseline " + baseline + "; after one round " + first + "; after two " + second);
            assertTrue(second.heapBytes() <= first.heapBytes() + HEAP_SLACK,
                    () -> "a second round cost memory again: baseline " + baseline + ", after one round " + first
                            + ", after two " + second);
        } finally {
            watcher.stop();
        }
        assertEquals(List.of(), watcher.failures, "every status asked during the abuse was answered in time");
        // How many answers fit in depends on how fast the abuse is dealt with (a fast round may fit in the
        // watcher's 50 ms pause); what matters is that it was answered and never failed.
        assertTrue(watcher.answered.get() > 0, "the watcher was answered during the abuse: " + watcher.answered);
    }

    /** One round of every kind of abuse at the same time; returns when all of it has been dealt with. */
    private void abuse(Random random) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT_CLIENTS + 80);
        List<RawConnection> halfOpen = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                RawConnection c = RawConnection.open(socket);
                c.send("{\"v\":1,\"op\":\"sta"); // and never the rest
                halfOpen.add(c);
            }
            List<RawConnection> deaf = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                RawConnection c = RawConnection.open(socket);
                c.send("{\"v\":1,\"op\":\"subscribe\"}\n"); // and never read what comes
                deaf.add(c);
            }
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < CONCURRENT_CLIENTS; i++) {
                work.add(pool.submit(() -> {
                    go.await();
                    try (ControlClient client = ControlClient.connect(socket)) {
                        JsonNode reply = client.request(ControlProtocol.request("status"), Duration.ofSeconds(30));
                        assertTrue(reply.path("ok").asBoolean(), reply::toString);
                    }
                    return null;
                }));
            }
            for (int i = 0; i < 50; i++) {
                byte[] noise = new byte[1 + random.nextInt(64 * 1024)];
                random.nextBytes(noise);
                work.add(pool.submit(garbage(noise)));
            }
            for (int i = 0; i < 3; i++) {
                byte[] huge = new byte[10 * 1024 * 1024];
                Arrays.fill(huge, (byte) 'a');
                if (i == 0) {
                    huge[huge.length - 1] = '\n';
                }
                work.add(pool.submit(garbage(huge)));
            }
            go.countDown();
            for (Future<?> f : work) {
                f.get(ROUND.toSeconds(), TimeUnit.SECONDS);
            }
            for (RawConnection c : deaf) {
                c.close();
            }
        } finally {
            for (RawConnection c : halfOpen) {
                c.close();
            }
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS), "the abusing clients finish");
        }
    }

    /** Sends {@code bytes}, then only listens: every reply must be an error, and the server must hang up. */
    private Callable<Void> garbage(byte[] bytes) {
        return () -> {
            try (RawConnection c = RawConnection.open(socket)) {
                if (c.send(bytes)) {
                    c.finishSending();
                }
                RawConnection.Replies replies = c.readUntilHangUp(Duration.ofSeconds(20));
                assertTrue(replies.hungUp(), () -> "the server hangs up on " + bytes.length + " bytes of garbage; said "
                        + replies.lines());
                for (String line : replies.lines()) {
                    assertTrue(line.contains("\"ok\":false"), () -> "garbage gets an error, not: " + line);
                }
            }
            return null;
        };
    }

    /**
     * Waits until the orchestrator's threads and descriptors are back at {@code baseline} (the connection threads
     * of the round have ended) and returns what it holds then; with a null baseline, until they stop changing.
     */
    private ProcessResources settled(ProcessResources baseline) {
        int[] last = {-1, -1};
        Await.until(Duration.ofSeconds(30), () -> {
            int threads = ProcessResources.threads(orchestrator);
            int fds = ProcessResources.fds(orchestrator);
            boolean steady = baseline == null ? threads == last[0] && fds == last[1]
                    : threads <= baseline.threads() && fds <= baseline.fds();
            last[0] = threads;
            last[1] = fds;
            if (baseline == null && !steady) {
                DevProject.pause(200);
            }
            return steady;
        }, () -> "threads and descriptors back to " + baseline + "; now " + last[0] + " threads, " + last[1] + " fds");
        ProcessResources now = ProcessResources.of(orchestrator);
        if (baseline != null) {
            assertTrue(now.heapBytes() <= baseline.heapBytes() + HEAP_SLACK,
                    () -> "heap back near its baseline " + baseline + ": " + now);
        }
        return now;
    }

    /** Asks for the status every 50 ms on fresh connections, recording every late or failed answer. */
    private static final class Watcher {
        final List<String> failures = new CopyOnWriteArrayList<>();
        final java.util.concurrent.atomic.AtomicInteger answered = new java.util.concurrent.atomic.AtomicInteger();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        Watcher(Path socket) {
            thread = new Thread(() -> {
                while (running.get()) {
                    long started = System.nanoTime();
                    try (ControlClient client = ControlClient.connect(socket)) {
                        JsonNode reply = client.request(ControlProtocol.request("status"), ANSWER);
                        if (!reply.path("ok").asBoolean()) {
                            failures.add("not ok: " + reply);
                        }
                        answered.incrementAndGet();
                    } catch (IOException e) {
                        failures.add(e + " after " + (System.nanoTime() - started) / 1_000_000 + " ms");
                    }
                    DevProject.pause(50);
                }
            }, "abuse-watcher");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join(10_000);
        }
    }
}
