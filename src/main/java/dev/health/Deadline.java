package dev.health;

import dev.config.Durations;
import java.time.Duration;

/** One attempt's time budget, measured on the monotonic clock from construction. */
final class Deadline {
    private final long startNanos = System.nanoTime();
    private final Duration timeout;

    /**
     * @param timeout the budget; clamped to at least 1 ms because a zero socket timeout would mean
     *                "wait forever", the opposite of what a zero budget asks for
     */
    Deadline(Duration timeout) {
        this.timeout = timeout.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : timeout;
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    Duration remaining() {
        return timeout.minus(elapsed());
    }

    boolean expired() {
        return remaining().isNegative() || remaining().isZero();
    }

    /** Remaining time as a socket timeout: never 0, which sockets read as "infinite". */
    int remainingSocketMillis() {
        long ms = remaining().toMillis();
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, ms));
    }

    /** The human form used in every timeout detail, e.g. {@code timed out after 1s}. */
    String timedOut() {
        return "timed out after " + Durations.format(timeout);
    }
}
