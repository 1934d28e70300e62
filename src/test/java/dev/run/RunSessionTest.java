package dev.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.config.ConfigLoader;
import dev.orchestrator.Preparation;
import dev.orchestrator.StackSnapshot;
import dev.plan.StartPlan;
import dev.process.ProcessPlatform;
import dev.testing.Await;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The moment between the control socket listening and the orchestrator existing: {@code dev start -d} returns as
 * soon as the socket listens, so a {@code dev stop} or {@code dev status} can arrive in that gap.
 */
class RunSessionTest {
    private static final Duration ANSWER = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void requestsBeforeTheOrchestratorIsAttachedSeeThePlanAndWaitForIt() throws Exception {
        Files.writeString(dir.resolve("dev.toml"), "[services.api]\ncommand = \"sleep 600\"\n"
                + "[services.web]\ncommand = \"sleep 600\"\ndepends_on = [\"api\"]\n");
        String runId = "session-test";
        StartPlan plan = Preparation.plan(ConfigLoader.load(dir.resolve("dev.toml")), Set.of(), true, Map.of(), runId,
                false, ProcessPlatform.current(), Map.of());
        try (RunSession session = RunSession.open(RunDirectory.of(dir), plan, runId, Map.of(), ProcessPlatform.current(),
                line -> { })) {
            JsonNode status;
            try (ControlClient client = ControlClient.connect(session.socket())) {
                status = client.request(ControlProtocol.request("status"), ANSWER);
            }
            List<String> states = List.of(status.at("/stack/services/0/state").asText(),
                    status.at("/stack/services/1/state").asText());
            assertEquals(List.of("pending", "pending"), states, "the plan's services, not an empty stack: " + status);
            assertFalse(status.at("/stack/ok").asBoolean(true), "nothing is up yet: " + status);

            CompletableFuture<JsonNode> stop = CompletableFuture.supplyAsync(() -> {
                try (ControlClient client = ControlClient.connect(session.socket())) {
                    return client.request(ControlProtocol.request("stop"), ANSWER);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            try {
                stop.get(500, TimeUnit.MILLISECONDS);
            } catch (TimeoutException expected) {
                // still waiting for the orchestrator, as it should
            }
            assertFalse(stop.isDone(), () -> "answered before there was anything to stop: " + stop.join());
            FakeStack stack = new FakeStack();
            session.attach(stack);

            JsonNode reply = stop.get(10, TimeUnit.SECONDS);
            assertTrue(reply.path("ok").asBoolean(), reply::toString);
            assertEquals(List.of("stop []"), stack.requests, "the stop reached the orchestrator, not the void");
        }
    }

    @Test
    void openingAndClosingSessionsLeaksNoThreadFileOrProcess() throws Exception {
        Files.writeString(dir.resolve("dev.toml"), "[services.api]\ncommand = \"sleep 600\"\n");
        StartPlan plan = Preparation.plan(ConfigLoader.load(dir.resolve("dev.toml")), Set.of(), true, Map.of(), "cycle",
                false, ProcessPlatform.current(), Map.of());
        cycle(plan, "warm-up"); // loads classes and starts the JDK's own lazily created threads
        int threads = ManagementFactory.getThreadMXBean().getThreadCount();
        long files = openFiles();
        for (int i = 0; i < 20; i++) {
            cycle(plan, "cycle-" + i);
        }
        Await.until(ANSWER, () -> ManagementFactory.getThreadMXBean().getThreadCount() <= threads + 1
                        && openFiles() <= files + 2 && ProcessHandle.current().children().noneMatch(ProcessHandle::isAlive),
                () -> "threads " + ManagementFactory.getThreadMXBean().getThreadCount() + " (was " + threads + "), files "
                        + openFiles() + " (was " + files + "), children " + ProcessHandle.current().children().toList());
        assertFalse(Files.exists(RunDirectory.of(dir).stateFile()), "a closed session leaves no state");
        assertFalse(RunLock.held(RunDirectory.of(dir).lockFile()), "nor the lock");
    }

    private void cycle(StartPlan plan, String runId) throws Exception {
        try (RunSession session = RunSession.open(RunDirectory.of(dir), plan, runId, Map.of(), ProcessPlatform.current(),
                line -> { })) {
            session.attach(new FakeStack());
            try (ControlClient client = ControlClient.connect(session.socket())) {
                assertTrue(client.request(ControlProtocol.request("status"), ANSWER).path("ok").asBoolean());
            }
            assertTrue(session.watchdog().alive());
        }
    }

    private static long openFiles() {
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Stands in for the orchestrator: records requests and completes them. */
    private static final class FakeStack implements ControlTarget {
        final List<String> requests = new CopyOnWriteArrayList<>();
        private final StackSnapshot snapshot;

        FakeStack() {
            this.snapshot = new StackSnapshot("p", "session-test", java.time.Instant.now(), List.of(), false);
        }

        @Override
        public StackSnapshot snapshot() {
            return snapshot;
        }

        @Override
        public CompletableFuture<Void> stop(Set<String> services, boolean force, Duration timeout) {
            requests.add("stop " + services);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> restart(Set<String> services) {
            requests.add("restart " + services);
            return CompletableFuture.completedFuture(null);
        }
    }
}
