package dev.cli;

import dev.orchestrator.Orchestrator;
import dev.orchestrator.ServiceState;
import dev.orchestrator.StackSnapshot;
import dev.run.ControlTarget;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * Exposes an orchestrator to the control socket; keeps dev.orchestrator free of dev.run.
 *
 * <p>The orchestrator completes a request's future while it handles the event that fulfils it, a
 * moment before it publishes the snapshot showing the result. A control reply carries a snapshot,
 * and {@code dev restart} judges success by it, so the futures returned here complete only once
 * the published snapshot shows the named services where the request left them (bounded, so an
 * unexpected state can delay a reply but never hang it).
 */
record StackTarget(Orchestrator orchestrator) implements ControlTarget {
    private static final Duration PUBLISH_GRACE = Duration.ofSeconds(2);

    @Override
    public StackSnapshot snapshot() {
        return orchestrator.snapshot();
    }

    @Override
    public CompletableFuture<Void> stop(Set<String> services, boolean force, Duration timeout) {
        return whenShown(orchestrator.stop(services, force, timeout), services, ServiceState::settled);
    }

    @Override
    public CompletableFuture<Void> restart(Set<String> services) {
        return whenShown(orchestrator.restart(services), services,
                state -> state.settled() || state.up() || state == ServiceState.UNHEALTHY);
    }

    private CompletableFuture<Void> whenShown(CompletableFuture<Void> done, Set<String> services,
                                              Predicate<ServiceState> reached) {
        return done.thenRunAsync(() -> {
            long deadline = System.nanoTime() + PUBLISH_GRACE.toNanos();
            while (!shows(orchestrator.snapshot(), services, reached) && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
    }

    private static boolean shows(StackSnapshot s, Set<String> services, Predicate<ServiceState> reached) {
        return s.stopping() || services.stream().allMatch(n -> s.service(n).map(x -> reached.test(x.state())).orElse(true));
    }
}
