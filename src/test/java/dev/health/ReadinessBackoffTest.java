package dev.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReadinessBackoffTest {
    private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);

    private static long micros(int attempt) {
        return ReadinessBackoff.delay(attempt, DEFAULT_INTERVAL).toNanos() / 1_000;
    }

    @Test
    void startsAt10msAndGrowsByHalfPerAttempt() {
        assertEquals(10_000, micros(0));
        assertEquals(15_000, micros(1));
        assertEquals(22_500, micros(2));
        assertEquals(33_750, micros(3));
        assertEquals(50_000, micros(4));
    }

    @Test
    void readinessInTheFirstSecondsIsSeenWithin50ms() {
        // Probe times as the orchestrator would produce them (probe duration ignored): whenever in
        // the first 3 s the service becomes ready, the next probe is at most 50 ms away.
        long elapsedMicros = 0;
        for (int attempt = 0; elapsedMicros < 3_000_000; attempt++) {
            long delay = micros(attempt);
            assertTrue(delay <= 50_000, "attempt " + attempt + " at " + elapsedMicros / 1000 + " ms waits "
                    + delay / 1000.0 + " ms");
            elapsedMicros += delay;
        }
    }

    @Test
    void laterTheRateSettlesAtTwoProbesPerSecond() {
        long elapsedMicros = 0;
        int probesInFirstTenSeconds = 1;
        for (int attempt = 0; elapsedMicros + micros(attempt) <= 10_000_000; attempt++) {
            elapsedMicros += micros(attempt);
            probesInFirstTenSeconds++;
        }
        // ~63 probes in the fast phase, 5 while slowing down, then 2 per second.
        assertTrue(probesInFirstTenSeconds <= 85, probesInFirstTenSeconds + " probes in 10 s");
        assertEquals(500_000, micros(ReadinessBackoff.SLOW_FROM + 5));
        assertEquals(500_000, micros(10_000));
        assertEquals(500_000, micros(Integer.MAX_VALUE));
    }

    @Test
    void neverShrinks() {
        for (int attempt = 1; attempt < 200; attempt++) {
            assertTrue(micros(attempt) >= micros(attempt - 1), "attempt " + attempt);
        }
    }

    @Test
    void slowPhaseStartsOnceTheFastPhaseCoveredThreeSeconds() {
        long fastPhaseMicros = 0;
        for (int attempt = 0; attempt < ReadinessBackoff.SLOW_FROM; attempt++) {
            fastPhaseMicros += micros(attempt);
        }
        assertTrue(fastPhaseMicros >= 3_000_000 && fastPhaseMicros < 3_050_000, fastPhaseMicros + " µs");
        assertEquals(50_000, micros(ReadinessBackoff.SLOW_FROM - 1));
        assertEquals(75_000, micros(ReadinessBackoff.SLOW_FROM));
    }

    @Test
    void theCheckIntervalCapsEveryDelay() {
        Duration interval = Duration.ofMillis(30);
        assertEquals(Duration.ofMillis(10), ReadinessBackoff.delay(0, interval));
        assertEquals(Duration.ofMillis(30), ReadinessBackoff.delay(4, interval));
        assertEquals(Duration.ofMillis(30), ReadinessBackoff.delay(1_000, interval));
        assertEquals(Duration.ofMillis(5), ReadinessBackoff.delay(0, Duration.ofMillis(5)));
        assertEquals(Duration.ofMillis(200), ReadinessBackoff.delay(1_000, Duration.ofMillis(200)));
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> ReadinessBackoff.delay(-1, DEFAULT_INTERVAL));
        assertThrows(IllegalArgumentException.class, () -> ReadinessBackoff.delay(0, Duration.ZERO));
    }
}
