package dev.process;

import java.time.Duration;

/**
 * How a group stop went.
 *
 * @param wasRunning the group had a live member when the stop began
 * @param killed     the grace period ran out and SIGKILL was sent to the group
 * @param empty      the group had no live member when the stop returned; false means something survived even
 *                   SIGKILL (a process stuck in uninterruptible sleep) and the caller must report it
 * @param took       wall time the stop took
 */
public record StopOutcome(boolean wasRunning, boolean killed, boolean empty, Duration took) {
}
