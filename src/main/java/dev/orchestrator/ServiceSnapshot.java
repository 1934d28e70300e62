package dev.orchestrator;

import java.time.Instant;
import java.util.List;

/**
 * One service as readers see it at one moment. Immutable; the event loop publishes new ones.
 *
 * @param pid         leader pid, or 0 when no process
 * @param pgid        process group id, or 0
 * @param processStart leader's start time (PID-reuse guard), or null
 * @param since       when the current state was entered
 * @param startedAt   when the current process was spawned, or null
 * @param waitingFor  dependencies (or "backoff") a waiting service waits on
 * @param health      last probe detail, or null
 * @param exitCode    last exit status, or null
 */
public record ServiceSnapshot(
        String name,
        ServiceState state,
        long pid,
        long pgid,
        Instant processStart,
        Integer port,
        String url,
        Instant since,
        Instant startedAt,
        int restarts,
        Integer exitCode,
        Failure failure,
        List<String> waitingFor,
        String health,
        boolean optional,
        boolean task) {

    public ServiceSnapshot {
        waitingFor = List.copyOf(waitingFor);
    }
}
