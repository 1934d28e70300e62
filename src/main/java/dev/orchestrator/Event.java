package dev.orchestrator;

import dev.health.ProbeResult;
import dev.process.StopOutcome;
import dev.process.SpawnedProcess;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Everything that can happen to the orchestrator. Worker threads, timers and callers only post
 * events; the event loop alone reads and changes state. {@code generation} tags events of one
 * spawn of a service so late events of a previous process are recognised and dropped.
 */
sealed interface Event {

    record StartRequested(Set<String> services, CompletableFuture<Void> done) implements Event {
    }

    record Spawned(String service, int generation, SpawnedProcess process) implements Event {
    }

    record SpawnFailed(String service, int generation, Failure failure) implements Event {
    }

    record Exited(String service, int generation, int exitCode) implements Event {
    }

    record ProbeDone(String service, int generation, ProbeResult result) implements Event {
    }

    record LogMatched(String service, int generation) implements Event {
    }

    record TimerFired(String service, int generation, Timer timer) implements Event {
    }

    /** @param services empty means the whole stack; @param timeout overrides grace periods, or null */
    record StopRequested(Set<String> services, boolean force, Duration timeout, CompletableFuture<Void> done)
            implements Event {
    }

    record StopFinished(String service, int generation, StopOutcome outcome) implements Event {
    }

    record RestartRequested(Set<String> services, CompletableFuture<Void> done) implements Event {
    }

    record SweepFinished(List<String> reaped) implements Event {
    }

    enum Timer {
        /** start_timeout (extended for the check's own timing) passed while starting. */
        START_TIMEOUT,
        /** A service without a check has run start_period without exiting. */
        UPTIME_REACHED,
        /** Time for the next health probe. */
        PROBE_DUE,
        /** Restart backoff elapsed. */
        RESTART_DUE
    }
}
