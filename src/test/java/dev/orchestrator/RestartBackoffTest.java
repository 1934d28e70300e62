package dev.orchestrator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The production restart numbers: 1 s doubling to 30 s, forgiven after 60 s up, a crash loop at 5. */
class RestartBackoffTest {
    final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void delaysDoubleFromOneSecondUpToThirty() {
        RestartBackoff backoff = new RestartBackoff(RestartBackoff.Timing.DEFAULT);
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            backoff.recordExit(t0, t0.plusSeconds(1));
            delays.add(backoff.delay().toSeconds());
        }
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L), delays);
    }

    @Test
    void theFifthQuickFailureIsACrashLoop() {
        RestartBackoff backoff = new RestartBackoff(RestartBackoff.Timing.DEFAULT);
        for (int i = 1; i < 5; i++) {
            backoff.recordExit(t0, t0.plusSeconds(5));
            assertFalse(backoff.crashLoop(), "failure " + i);
        }
        backoff.recordExit(t0, t0.plusSeconds(5));
        assertTrue(backoff.crashLoop());
    }

    @Test
    void aRunOfSixtySecondsForgivesEarlierFailures() {
        RestartBackoff backoff = new RestartBackoff(RestartBackoff.Timing.DEFAULT);
        for (int i = 0; i < 4; i++) {
            backoff.recordExit(t0, t0.plusSeconds(1));
        }
        assertEquals(1, backoff.recordExit(t0, t0.plus(Duration.ofSeconds(60))), "counts as the first failure");
        assertEquals(Duration.ofSeconds(1), backoff.delay());
        assertFalse(backoff.crashLoop());
    }
}
