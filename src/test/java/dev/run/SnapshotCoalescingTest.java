package dev.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.ServiceSnapshot;
import dev.orchestrator.ServiceState;
import dev.orchestrator.StackSnapshot;
import dev.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A subscriber slower than the stack's changes gets the newest snapshot rather than every one, and never out of
 * order: each snapshot it receives comes after every event offered before that snapshot.
 */
class SnapshotCoalescingTest {
    private static final Duration ANSWER = Duration.ofSeconds(10);
    private static final int CHANGES = 300;
    private static final Instant STARTED = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aLaggingSubscriberGetsFewerSnapshotsTheNewestLastAndEachAfterWhatPrecededIt() throws Exception {
        Target target = new Target();
        try (ControlServer server = ControlServer.start(dir.resolve("run").resolve("control.sock"), target);
             ControlClient client = ControlClient.connect(server.socketPath())) {
            client.send(ControlProtocol.request("subscribe"));
            assertEquals("snapshot", client.next(ANSWER).path("event").asText(), "the first message is a snapshot");
            Await.until(ANSWER, () -> server.subscriberCount() == 1, "subscribed");

            // The client reads nothing while the stack changes: its socket buffer fills with ~60 KB snapshots.
            for (int i = 0; i < CHANGES; i++) {
                server.notice("change " + i);
                server.snapshot(stack("p" + i));
            }

            List<String> received = new ArrayList<>();
            while (received.isEmpty() || !received.get(received.size() - 1).equals("snapshot p" + (CHANGES - 1))) {
                JsonNode m = client.next(ANSWER);
                assertTrue(m != null, () -> "the newest snapshot arrives; got " + received.size() + " messages");
                received.add(m.path("event").asText().equals("notice") ? m.path("message").asText()
                        : "snapshot " + m.path("stack").path("project").asText());
            }
            int notices = 0;
            int snapshots = 0;
            for (String m : received) {
                if (m.startsWith("change ")) {
                    assertEquals("change " + notices, m, "notices arrive each and in order");
                    notices++;
                } else {
                    int seq = Integer.parseInt(m.substring("snapshot p".length()));
                    assertEquals(notices - 1, seq, () -> m + " comes right after the notice offered before it");
                    snapshots++;
                }
            }
            assertEquals(CHANGES, notices);
            int sent = snapshots;
            assertTrue(sent < CHANGES / 2, () -> "a lagging subscriber is spared most snapshots: got " + sent);
        }
    }

    private static StackSnapshot stack(String project) {
        List<ServiceSnapshot> services = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            services.add(new ServiceSnapshot("service-" + i, ServiceState.HEALTHY, 1000 + i, 1000 + i, STARTED, null,
                    null, STARTED, STARTED, 0, null, null, List.of(), "ok", false, false));
        }
        return new StackSnapshot(project, "run-1", STARTED, services, false);
    }

    private static final class Target implements ControlTarget {
        @Override
        public StackSnapshot snapshot() {
            return stack("initial");
        }

        @Override
        public CompletableFuture<Void> stop(Set<String> services, boolean force, Duration timeout) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> restart(Set<String> services) {
            return CompletableFuture.completedFuture(null);
        }
    }
}
