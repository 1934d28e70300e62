package dev.orchestrator;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The whole stack at one moment, in declaration order.
 *
 * @param stopping a stop of the whole stack is under way
 */
public record StackSnapshot(String project, String runId, Instant startedAt, List<ServiceSnapshot> services,
                            boolean stopping) {

    public StackSnapshot {
        services = List.copyOf(services);
    }

    public Optional<ServiceSnapshot> service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /**
     * Every non-optional service is healthy, running or completed. A stack made only of optional services
     * is up once each of them is up or has settled (failed, skipped): "nothing required" must not read as
     * "up" before anything has even started.
     */
    public boolean allUp() {
        boolean anyRequired = services.stream().anyMatch(s -> !s.optional());
        if (!anyRequired) {
            return services.stream().allMatch(s -> s.state().up() || s.state().settled());
        }
        return services.stream().filter(s -> !s.optional()).allMatch(s -> s.state().up());
    }

    /** A non-optional service failed, was skipped, or is unhealthy. */
    public boolean anyRequiredFailed() {
        return services.stream().filter(s -> !s.optional()).anyMatch(s -> s.state() == ServiceState.FAILED
                || s.state() == ServiceState.SKIPPED || s.state() == ServiceState.UNHEALTHY);
    }

    /** No process of the stack is alive and nothing will start by itself. */
    public boolean quiescent() {
        return services.stream().allMatch(s -> s.state().settled() || s.state() == ServiceState.PENDING);
    }
}
