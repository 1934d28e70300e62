package dev.cli;

import dev.orchestrator.Orchestrator;
import dev.orchestrator.StackSnapshot;
import dev.run.ControlTarget;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Exposes an orchestrator to the control socket; keeps dev.orchestrator free of dev.run. The
 * orchestrator publishes a snapshot before it completes a request's future, so a reply built
 * when the future completes already shows the result.
 */
record StackTarget(Orchestrator orchestrator) implements ControlTarget {
    @Override
    public StackSnapshot snapshot() {
        return orchestrator.snapshot();
    }

    @Override
    public CompletableFuture<Void> stop(Set<String> services, boolean force, Duration timeout) {
        return orchestrator.stop(services, force, timeout);
    }

    @Override
    public CompletableFuture<Void> restart(Set<String> services) {
        return orchestrator.restart(services);
    }
}
