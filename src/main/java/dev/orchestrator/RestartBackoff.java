package dev.orchestrator;

import java.time.Duration;
import java.time.Instant;

/**
 * Restart policy arithmetic: exponential backoff 1 s → 30 s, reset after 60 s of stable running,
 * and a crash loop declared after 5 failures without a stable run in between. Pure; the event loop
 * owns one per service.
 */
final class RestartBackoff {
    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration MAX = Duration.ofSeconds(30);
    static final Duration STABLE = Duration.ofSeconds(60);
    static final int CRASH_LOOP_FAILURES = 5;

    private int failures;

    /** Records an exit of a run that started at {@code startedAt}; returns the failure count now. */
    int recordExit(Instant startedAt, Instant now) {
        if (startedAt != null && Duration.between(startedAt, now).compareTo(STABLE) >= 0) {
            failures = 0;
        }
        failures++;
        return failures;
    }

    boolean crashLoop() {
        return failures >= CRASH_LOOP_FAILURES;
    }

    int failures() {
        return failures;
    }

    /** 1s, 2s, 4s, 8s, 16s, 30s, 30s… for the 1st, 2nd, … failure. */
    Duration delay() {
        long seconds = FIRST.toSeconds() << Math.min(Math.max(failures - 1, 0), 5);
        return seconds >= MAX.toSeconds() ? MAX : Duration.ofSeconds(seconds);
    }

    void reset() {
        failures = 0;
    }
}
