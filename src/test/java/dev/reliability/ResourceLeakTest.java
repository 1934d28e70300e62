package dev.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.run.ControlClient;
import dev.run.ControlProtocol;
import dev.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §5, "no thread, socket or file handle leaks across start/stop cycles": one background orchestrator
 * restarts all its services a hundred times (each a full stop and start: processes, pipes, pump threads, log
 * files, probes). After the first ten cycles have grown the orchestrator's worker pools to their working size,
 * the remaining ninety must not add a thread, a file descriptor, or more than a few megabytes of heap after a
 * full GC — and no process of an earlier generation may be left. (Run-session open/close cycles are covered by
 * {@code dev.run.RunSessionTest}, status subscriptions by {@code dev.run.ControlServerTest}.)
 */
class ResourceLeakTest {
    static final int CYCLES = 100;
    static final int WARM_UP = 10;
    /** Cached pools keep an idle thread for a minute, so one more concurrent action can show as one more thread. */
    private static final int THREAD_SLACK = 2;
    private static final long HEAP_SLACK = 4L * 1024 * 1024;
    private static final List<String> SERVICES = List.of("api", "worker", "web");

    @TempDir
    Path temp;

    @Test
    void aHundredRestartsOfEveryServiceLeaveThreadsDescriptorsAndHeapWhereTheyWere() throws Exception {
        try (DevProject project = new DevProject(temp.resolve("cycles"))) {
            project.write("""
                    [project]
                    stop_timeout = "2s"

                    [services.api]
                    command = "echo ready; sleep 600 & wait"
                    health = { log = "^ready$" }

                    [services.worker]
                    command = "echo ready; exec sleep 600"
                    depends_on = ["api"]
                    health = { log = "^ready$" }

                    [services.web]
                    command = "echo ready; exec sleep 600"
                    depends_on = { api = "healthy" }
                    health = { log = "^ready$" }
                    """);
            DevProject.Result start = project.dev("start", "--wait");
            assertEquals(0, start.code(), start::toString);
            JsonNode lock = project.lock().orElseThrow();
            long orchestrator = lock.path("pid").asLong();
            Path socket = Path.of(lock.path("socket").asText());
            try {
                restart(socket, WARM_UP);
                ProcessResources.heapAfterFullGc(orchestrator); // jcmd's attach listener, started before the baseline
                ProcessResources warm = ProcessResources.of(orchestrator);

                restart(socket, CYCLES - WARM_UP);

                Await.until(Duration.ofSeconds(30),
                        () -> ProcessResources.threads(orchestrator) <= warm.threads() + THREAD_SLACK
                                && ProcessResources.fds(orchestrator) <= warm.fds(),
                        () -> "threads and descriptors back to " + warm + " after " + CYCLES + " cycles; now "
                                + ProcessResources.threads(orchestrator) + " threads, "
                                + ProcessResources.fds(orchestrator) + " fds");
                ProcessResources after = ProcessResources.of(orchestrator);
                System.out.println("after " + WARM_UP + " cycles " + warm + "; after " + CYCLES + " " + after);
                assertTrue(after.heapBytes() <= warm.heapBytes() + HEAP_SLACK,
                        () -> "heap after " + CYCLES + " cycles " + after + ", after " + WARM_UP + " " + warm);
                // api is a shell and its grandchild, worker and web one process each: nothing of older generations.
                Set<Long> alive = project.serviceProcesses();
                assertEquals(4, alive.size(), () -> "only the current generation runs:\n" + DevProject.describe(alive));
            } finally {
                DevProject.Result stop = project.dev("stop");
                assertEquals(0, stop.code(), stop::toString);
            }
        }
    }

    /** {@code cycles} times: restart every service through the control socket and wait for the answer. */
    private static void restart(Path socket, int cycles) throws Exception {
        try (ControlClient client = ControlClient.connect(socket)) {
            for (int i = 0; i < cycles; i++) {
                JsonNode reply = client.request(ControlProtocol.request("restart", SERVICES), Duration.ofSeconds(30));
                assertTrue(reply.path("ok").asBoolean(), reply::toString);
                for (JsonNode service : reply.path("stack").path("services")) {
                    String state = service.path("state").asText();
                    assertTrue(state.equals("healthy") || state.equals("starting"),
                            () -> "cycle restarted " + service.path("name").asText() + " into " + state);
                }
            }
        }
    }
}
