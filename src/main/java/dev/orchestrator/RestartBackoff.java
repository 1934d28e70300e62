package dev.orchestrator;

import java.time.Duration;
import java.time.Instant;

/**
 * Restart policy arithmetic: exponential backoff 1 s → 30 s, reset after 60 s of stable running,
 * and a crash loop declared after 5 failures without a stable run in between. Pure; the event loop
 * owns one per service.
 */
final class RestartBackoff {

    /**
     * The numbers of the policy. Production always uses {@link #DEFAULT}; tests pass small values so a
     * crash loop takes milliseconds instead of the 15 s the real curve needs.
     *
     * @param first             delay before the first restart; each further one doubles it
     * @param max               the longest delay
     * @param stable            a run this long forgives all earlier failures
     * @param crashLoopFailures failures in a row that end the restarts
     */
    record Timing(Duration first, Duration max, Duration stable, int crashLoopFailures) {
        static final Timing DEFAULT = new Timing(Duration.ofSeconds(1), Duration.ofSeconds(30),
                Duration.ofSeconds(60), 5);

        Timing {
            if (first.isNegative() || first.isZero() || max.compareTo(first) < 0 || crashLoopFailures < 1) {
                throw new IllegalArgumentException("inconsistent restart timing: " + first + ", " + max + ", "
                        + crashLoopFailures);
            }
        }
    }

    private final Timing timing;
    private int failures;

    RestartBackoff(Timing timing) {
        this.timing = timing;
    }

    /** Records an exit of a run that started at {@code startedAt}; returns the failure count now. */
    int recordExit(Instant startedAt, Instant now) {
        if (startedAt != null && Duration.between(startedAt, now).compareTo(timing.stable()) >= 0) {
            failures = 0;
        }
        failures++;
        return failures;
    }

    boolean crashLoop() {
        return failures >= timing.crashLoopFailures();
    }

    int failures() {
        return failures;
    }

    Duration stable() {
        return timing.stable();
    }

    /** first, 2×first, 4×first… capped at max, for the 1st, 2nd, … failure (1s, 2s, 4s … 30s by default). */
    Duration delay() {
        Duration delay = timing.first();
        for (int i = 1; i < failures && delay.compareTo(timing.max()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(timing.max()) > 0 ? timing.max() : delay;
    }

    void reset() {
        failures = 0;
    }
}
