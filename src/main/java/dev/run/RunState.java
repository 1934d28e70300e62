package dev.run;

import dev.orchestrator.ServiceSnapshot;
import dev.orchestrator.StackSnapshot;
import dev.process.ProcessIdentity;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The state file's content: enough to show status and to stop every recorded process group
 * without the orchestrator and without parsing dev.toml.
 *
 * @param stopLevels services grouped in stop order (dependents first)
 */
public record RunState(String project, Path root, String runId, ProcessIdentity orchestrator, Instant startedAt,
                       Instant updatedAt, List<List<String>> stopLevels, List<ServiceSnapshot> services,
                       Map<String, StopSpec> stop) {

    public RunState {
        stopLevels = List.copyOf(stopLevels);
        services = List.copyOf(services);
        stop = Map.copyOf(stop);
    }

    public StackSnapshot snapshot() {
        return new StackSnapshot(project, runId, startedAt, services, false);
    }
}
