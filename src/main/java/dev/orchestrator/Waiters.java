package dev.orchestrator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Callers of start, stop and restart waiting for their services to get there. Checked after every event,
 * once the new snapshot is published, so a woken caller reads the state it waited for.
 */
final class Waiters {
    /** STARTED: each service is up or settled. STOPPED: each is settled with no stop pending. */
    enum Goal { STARTED, STOPPED }

    private record Waiter(Set<String> services, Goal goal, CompletableFuture<Void> done) {
    }

    private final List<Waiter> waiting = new ArrayList<>();

    void add(Set<String> services, Goal goal, CompletableFuture<Void> done) {
        waiting.add(new Waiter(Set.copyOf(services), goal, done));
    }

    /** Completes every waiter whose services all reached its goal; a stopping stack counts as started. */
    void settle(Map<String, ServiceRuntime> services, boolean shuttingDown) {
        waiting.removeIf(w -> {
            boolean done = w.services().stream().map(services::get)
                    .allMatch(rt -> rt == null || reached(rt, w.goal(), shuttingDown));
            if (done) {
                w.done().complete(null);
            }
            return done;
        });
    }

    /** The run is over: nobody waits any longer. */
    void releaseAll() {
        waiting.forEach(w -> w.done().complete(null));
        waiting.clear();
    }

    private static boolean reached(ServiceRuntime rt, Goal goal, boolean shuttingDown) {
        if (rt.stopWanted || rt.startAfterStop) {
            return false;
        }
        return switch (goal) {
            case STOPPED -> rt.state.settled() || rt.state == ServiceState.PENDING;
            case STARTED -> rt.state.settled() || rt.state.up() || rt.state == ServiceState.UNHEALTHY || shuttingDown;
        };
    }
}
