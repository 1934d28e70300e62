package dev.health;

import dev.config.HealthSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The health verdict of one spawned service, from the results its probes deliver. Pure: no
 * threads, no clock (callers pass {@code now}); not thread-safe, owned by the orchestrator's
 * event loop. A fresh tracker per spawn.
 *
 * <p>Starting: failures never make a transition (a slow start is judged by
 * {@link #effectiveStartTimeout}); the first success is {@link Transition#BECAME_HEALTHY}.
 * Healthy: {@code retries} consecutive failures (at least one) make it
 * {@link Transition#BECAME_UNHEALTHY}; a success resets the count. Unhealthy: one success makes it
 * healthy again.
 */
public final class HealthTracker {
    public enum Transition { NONE, BECAME_HEALTHY, BECAME_UNHEALTHY }

    public enum Status { STARTING, HEALTHY, UNHEALTHY }

    private final HealthSpec.Timing timing;
    private Status status;
    private int consecutiveFailures;
    private ProbeResult lastResult;

    /** A tracker for a service just spawned: {@link Status#STARTING}. */
    public HealthTracker(HealthSpec.Timing timing) {
        this(timing, Status.STARTING);
    }

    private HealthTracker(HealthSpec.Timing timing, Status status) {
        this.timing = Objects.requireNonNull(timing, "timing");
        this.status = status;
    }

    /** For a caller that detected readiness itself and only hands over afterwards. */
    public static HealthTracker alreadyHealthy(HealthSpec.Timing timing) {
        return new HealthTracker(timing, Status.HEALTHY);
    }

    public Transition onResult(ProbeResult result) {
        lastResult = Objects.requireNonNull(result, "result");
        if (result.healthy()) {
            consecutiveFailures = 0;
            if (status == Status.HEALTHY) {
                return Transition.NONE;
            }
            status = Status.HEALTHY;
            return Transition.BECAME_HEALTHY;
        }
        if (consecutiveFailures < Integer.MAX_VALUE) {
            consecutiveFailures++;
        }
        if (status == Status.HEALTHY && consecutiveFailures >= failureThreshold(timing)) {
            status = Status.UNHEALTHY;
            return Transition.BECAME_UNHEALTHY;
        }
        return Transition.NONE;
    }

    public Status status() {
        return status;
    }

    /** Failures since the last success (while starting too, for display). */
    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    /** The latest result, e.g. for a {@code health_timeout} reason's "last probe error". */
    public Optional<ProbeResult> lastResult() {
        return Optional.ofNullable(lastResult);
    }

    /**
     * Whether {@code now} still lies in the check's start_period after spawning: failures there do
     * not count, and an uptime check becomes healthy when it ends.
     */
    public boolean inStartPeriod(Instant spawnedAt, Instant now) {
        return now.isBefore(spawnedAt.plus(timing.startPeriod()));
    }

    /**
     * start_timeout, extended when the check's own timing needs longer (SPEC §2): the start period
     * plus {@code retries} full probe cycles of interval and timeout.
     */
    public static Duration effectiveStartTimeout(Duration startTimeout, HealthSpec.Timing timing) {
        Duration needed = timing.startPeriod()
                .plus(timing.interval().plus(timing.timeout()).multipliedBy(failureThreshold(timing)));
        return needed.compareTo(startTimeout) > 0 ? needed : startTimeout;
    }

    private static int failureThreshold(HealthSpec.Timing timing) {
        return Math.max(1, timing.retries());
    }
}
