package dev.health;

import static dev.health.HealthTracker.Transition.BECAME_HEALTHY;
import static dev.health.HealthTracker.Transition.BECAME_UNHEALTHY;
import static dev.health.HealthTracker.Transition.NONE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.config.HealthSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HealthTrackerTest {
    private static final HealthSpec.Timing THREE_RETRIES =
            new HealthSpec.Timing(Duration.ofSeconds(2), Duration.ofSeconds(1), 3, Duration.ofSeconds(5));
    private static final ProbeResult OK = ProbeResult.healthy("HTTP 200", Duration.ofMillis(3));
    private static final ProbeResult DOWN = ProbeResult.unhealthy("HTTP 503", Duration.ofMillis(3));

    @Test
    void failuresWhileStartingNeverTransition() {
        HealthTracker tracker = new HealthTracker(THREE_RETRIES);
        for (int i = 0; i < 10; i++) {
            assertEquals(NONE, tracker.onResult(DOWN));
        }
        assertEquals(HealthTracker.Status.STARTING, tracker.status());
        assertEquals(10, tracker.consecutiveFailures());
        assertEquals(Optional.of(DOWN), tracker.lastResult());
    }

    @Test
    void firstSuccessMakesHealthyOnce() {
        HealthTracker tracker = new HealthTracker(THREE_RETRIES);
        assertEquals(Optional.empty(), tracker.lastResult());
        assertEquals(NONE, tracker.onResult(DOWN));
        assertEquals(BECAME_HEALTHY, tracker.onResult(OK));
        assertEquals(NONE, tracker.onResult(OK));
        assertEquals(HealthTracker.Status.HEALTHY, tracker.status());
        assertEquals(0, tracker.consecutiveFailures());
    }

    @Test
    void retriesConsecutiveFailuresMakeUnhealthyAndOneSuccessRecovers() {
        HealthTracker tracker = HealthTracker.alreadyHealthy(THREE_RETRIES);
        assertEquals(NONE, tracker.onResult(DOWN));
        assertEquals(NONE, tracker.onResult(DOWN));
        assertEquals(BECAME_UNHEALTHY, tracker.onResult(DOWN));
        assertEquals(NONE, tracker.onResult(DOWN));
        assertEquals(HealthTracker.Status.UNHEALTHY, tracker.status());
        assertEquals(BECAME_HEALTHY, tracker.onResult(OK));
        assertEquals(HealthTracker.Status.HEALTHY, tracker.status());
    }

    @Test
    void aSuccessResetsTheFailureCount() {
        HealthTracker tracker = HealthTracker.alreadyHealthy(THREE_RETRIES);
        tracker.onResult(DOWN);
        tracker.onResult(DOWN);
        tracker.onResult(OK);
        assertEquals(NONE, tracker.onResult(DOWN));
        assertEquals(NONE, tracker.onResult(DOWN));
        assertEquals(BECAME_UNHEALTHY, tracker.onResult(DOWN));
    }

    @Test
    void zeroRetriesStillNeedsOneFailure() {
        HealthSpec.Timing noRetries = new HealthSpec.Timing(Duration.ofSeconds(2), Duration.ofSeconds(1), 0,
                Duration.ZERO);
        HealthTracker tracker = new HealthTracker(noRetries);
        tracker.onResult(OK);
        assertEquals(BECAME_UNHEALTHY, tracker.onResult(DOWN));
    }

    @Test
    void startPeriodEndsExactlyAfterItsDuration() {
        HealthTracker tracker = new HealthTracker(THREE_RETRIES);
        Instant spawned = Instant.parse("2026-01-01T10:00:00Z");
        assertTrue(tracker.inStartPeriod(spawned, spawned));
        assertTrue(tracker.inStartPeriod(spawned, spawned.plusMillis(4_999)));
        assertFalse(tracker.inStartPeriod(spawned, spawned.plusSeconds(5)));
        assertFalse(tracker.inStartPeriod(spawned, spawned.plusSeconds(60)));
    }

    @Test
    void zeroStartPeriodIsOverAtOnce() {
        HealthSpec.Timing none = new HealthSpec.Timing(Duration.ofSeconds(2), Duration.ofSeconds(1), 3, Duration.ZERO);
        Instant spawned = Instant.parse("2026-01-01T10:00:00Z");
        assertFalse(new HealthTracker(none).inStartPeriod(spawned, spawned));
    }

    @Test
    void startTimeoutIsExtendedWhenTheChecksTimingNeedsMore() {
        // 5s start period + 3 × (2s + 1s) = 14s
        assertEquals(Duration.ofSeconds(60), HealthTracker.effectiveStartTimeout(Duration.ofSeconds(60), THREE_RETRIES));
        assertEquals(Duration.ofSeconds(14), HealthTracker.effectiveStartTimeout(Duration.ofSeconds(10), THREE_RETRIES));
        HealthSpec.Timing slow = new HealthSpec.Timing(Duration.ofSeconds(30), Duration.ofSeconds(10), 2,
                Duration.ofSeconds(0));
        assertEquals(Duration.ofSeconds(80), HealthTracker.effectiveStartTimeout(Duration.ofSeconds(60), slow));
    }
}
