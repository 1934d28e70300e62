package dev.health;

import java.time.Duration;

/**
 * How long to wait before the next readiness probe while a service is starting, measured from the
 * end of the previous attempt. Once healthy, the orchestrator probes at the check's interval.
 *
 * <p>The curve, for the default 2 s interval (attempt numbers from 0):
 * <pre>
 *   attempt   0    1    2     3     4 … 62   63   64    65    66    67    68 …
 *   delay    10   15   22.5  33.8   50 … 50   75  112.5 168.8 253.1 379.7  500 …  ms
 *   elapsed  ~0  ~10  ~25   ~48   ~81 … ~3s                                ~4s
 * </pre>
 * A ramp from 10 ms (×1.5 per attempt) reaches 50 ms within 0.1 s, then stays there until about
 * {@value #FAST_PHASE_MILLIS} ms after the first probe: services that come up in their first
 * seconds (most dev servers) are seen healthy within ~50 ms of being ready. After that the delay
 * grows ×1.5 again to 500 ms, so a slow starter (a JVM backend, a database running recovery) is
 * probed twice a second rather than twenty times. Every delay is also capped at the check's
 * interval: a user who asks for probes every 100 ms never waits longer between readiness probes.
 */
public final class ReadinessBackoff {
    static final Duration FIRST = Duration.ofMillis(10);
    static final double GROWTH = 1.5;
    static final Duration FAST_CEILING = Duration.ofMillis(50);
    static final long FAST_PHASE_MILLIS = 3_000;
    static final Duration SLOW_CEILING = Duration.ofMillis(500);

    /** First attempt of the slow phase: the one at which the fast phase has covered its time. */
    static final int SLOW_FROM = attemptsCovering(FAST_PHASE_MILLIS);

    private ReadinessBackoff() {
    }

    /**
     * @param attempt  0 for the wait before the second probe (the first runs right after spawn)
     * @param interval the check's interval, an upper bound for every delay
     */
    public static Duration delay(int attempt, Duration interval) {
        if (attempt < 0) {
            throw new IllegalArgumentException("attempt must not be negative: " + attempt);
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive: " + interval);
        }
        double millis = attempt < SLOW_FROM
                ? fastMillis(attempt)
                : Math.min(FAST_CEILING.toMillis() * Math.pow(GROWTH, attempt - SLOW_FROM + 1),
                        SLOW_CEILING.toMillis());
        Duration delay = Duration.ofNanos(Math.round(millis * 1_000_000));
        Duration cap = interval.compareTo(SLOW_CEILING) < 0 ? interval : SLOW_CEILING;
        return delay.compareTo(cap) < 0 ? delay : cap;
    }

    private static double fastMillis(int attempt) {
        return Math.min(FIRST.toMillis() * Math.pow(GROWTH, attempt), FAST_CEILING.toMillis());
    }

    private static int attemptsCovering(long millis) {
        double total = 0;
        int attempt = 0;
        while (total < millis) {
            total += fastMillis(attempt++);
        }
        return attempt;
    }
}
