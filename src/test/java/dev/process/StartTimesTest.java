package dev.process;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StartTimesTest {
    private static final Instant START = Instant.parse("2026-01-01T10:00:00.370Z");
    private static final Duration TICK = Duration.ofMillis(10);

    @Test
    void linuxAcceptsTheSameTickAndAOneSecondBootTimeShiftOnly() {
        assertTrue(StartTimes.sameLinuxStart(START, START, TICK));
        assertTrue(StartTimes.sameLinuxStart(START, START.plusMillis(1000), TICK), "btime read one second later");
        assertTrue(StartTimes.sameLinuxStart(START, START.minusMillis(1000), TICK), "btime read one second earlier");
        assertTrue(StartTimes.sameLinuxStart(START, START.plusMillis(4), TICK), "rounding within half a tick");

        assertFalse(StartTimes.sameLinuxStart(START, START.plusMillis(10), TICK), "the next tick");
        assertFalse(StartTimes.sameLinuxStart(START, START.minusMillis(10), TICK), "the previous tick");
        assertFalse(StartTimes.sameLinuxStart(START, START.plusMillis(500), TICK));
        assertFalse(StartTimes.sameLinuxStart(START, START.plusMillis(1010), TICK));
        assertFalse(StartTimes.sameLinuxStart(START, START.plusSeconds(2), TICK));
        assertFalse(StartTimes.sameLinuxStart(START, START.minusSeconds(3600), TICK));
    }

    @Test
    void macOsComparesWholeSeconds() {
        assertTrue(StartTimes.sameSecond(START, Instant.parse("2026-01-01T10:00:00Z")));
        assertFalse(StartTimes.sameSecond(START, Instant.parse("2026-01-01T10:00:01Z")));
        assertFalse(StartTimes.sameSecond(START, Instant.parse("2026-01-01T09:59:59.999Z")));
    }
}
