package dev.process;

import java.time.Duration;
import java.time.Instant;

/**
 * When two start-time readings denote the same process start — the tolerance of the PID-reuse guard.
 *
 * <p>Linux keeps a process's start in clock ticks since boot ({@code 1/CLK_TCK} s, 10 ms everywhere that
 * matters). dev converts it to wall time with {@code btime} from {@code /proc/stat}, which is whole seconds and is
 * recomputed by the kernel from the wall clock: NTP adjustments can move it by one second between two readings.
 * Two readings of one process therefore differ by 0 or by exactly ±1 s; {@link #sameLinuxStart} accepts exactly
 * that, give or take half a tick for rounding. A different process on a reused pid was created at a different
 * tick (pid reuse needs the kernel to cycle through its whole pid space first), so it does not match. A clock
 * step of more than a second between recording and checking makes the guard fail closed: dev then refuses to
 * signal rather than risk signalling a stranger.
 *
 * <p>macOS {@code ps} reports the start (a wall-clock timeval stored at fork, never recomputed) to the second,
 * so {@link #sameSecond} requires the same second.
 */
final class StartTimes {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private StartTimes() {
    }

    static boolean sameLinuxStart(Instant recorded, Instant observed, Duration tick) {
        long difference = Math.abs(Duration.between(recorded, observed).toNanos());
        long halfTick = tick.toNanos() / 2;
        return difference <= halfTick || Math.abs(difference - NANOS_PER_SECOND) <= halfTick;
    }

    static boolean sameSecond(Instant recorded, Instant observed) {
        return recorded.getEpochSecond() == observed.getEpochSecond();
    }
}
