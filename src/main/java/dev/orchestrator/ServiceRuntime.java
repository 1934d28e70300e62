package dev.orchestrator;

import dev.config.ResolvedService;
import dev.health.HealthTracker;
import dev.health.LogMatcher;
import dev.process.SpawnedProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The mutable state of one service. Confined to the event-loop thread: no field is ever read or
 * written elsewhere, which is why nothing here is synchronised.
 */
final class ServiceRuntime {
    final ResolvedService spec;
    final OutputRouter output;
    final RestartBackoff backoff;

    ServiceState state = ServiceState.PENDING;
    Instant since;
    Failure failure;
    Integer exitCode;
    int restarts;
    /** Incremented on every spawn; events carrying an older value are stale. */
    int generation;
    SpawnedProcess process;
    Instant spawnedAt;
    /** The leader exited 0 but the service daemonized itself and has a stop_command: still "up". */
    boolean detachedLeader;
    int probeAttempts;
    HealthTracker tracker;
    LogMatcher logMatcher;
    String lastProbe;
    List<String> waitingFor = new ArrayList<>();
    /** A stop of this service was requested and is not finished. */
    boolean stopWanted;
    /** Start it again once stopped (dev restart). */
    boolean startAfterStop;
    /** Instant the stop request arrived (for "stopped in 0.2s"). */
    Instant stopRequestedAt;

    ServiceRuntime(ResolvedService spec, OutputRouter output, RestartBackoff backoff, Instant now) {
        this.spec = spec;
        this.output = output;
        this.backoff = backoff;
        this.since = now;
    }

    String name() {
        return spec.name();
    }

    boolean optional() {
        return spec.config().optional();
    }

    boolean task() {
        return spec.config().task();
    }

    long pid() {
        return process == null ? 0 : process.pid();
    }

    long pgid() {
        return process == null ? 0 : process.pgid();
    }

    /**
     * Enters {@code to} at {@code now}; returns the change for listeners, or null when nothing changed
     * (WAITING is re-entered whenever what it waits for changes, so that is always a change).
     *
     * @param lastLines the output lines a failure report shows, or empty
     */
    OrchestratorListener.Transition moveTo(ServiceState to, Failure failure, List<String> lastLines, Instant now) {
        ServiceState from = state;
        if (from == to && to != ServiceState.WAITING) {
            return null;
        }
        state = to;
        since = now;
        Instant reference = to == ServiceState.STOPPED || to == ServiceState.STOPPING
                ? (stopRequestedAt != null ? stopRequestedAt : now)
                : (spawnedAt != null ? spawnedAt : now);
        return new OrchestratorListener.Transition(name(), from, to, Duration.between(reference, now).toMillis(),
                failure, lastLines, snapshot());
    }

    ServiceSnapshot snapshot() {
        return new ServiceSnapshot(name(), state, state.hasProcess() ? pid() : 0, state.hasProcess() ? pgid() : 0,
                state.hasProcess() && process != null ? process.startTime() : null, spec.port(), url(), since,
                state.hasProcess() ? spawnedAt : null, restarts, exitCode, failure, waitingFor, lastProbe,
                optional(), task());
    }

    /** Where to reach the service: an http URL when its check speaks HTTP, else host:port. */
    String url() {
        if (spec.port() == null) {
            return null;
        }
        if (spec.health() instanceof dev.config.HealthCheck.Http h) {
            return h.uri().resolve("/").toString();
        }
        return "127.0.0.1:" + spec.port();
    }
}
