package dev.health;

import java.util.concurrent.TimeUnit;

/**
 * Waits that must complete even on an interrupted thread: cleanup after a probe (killing and
 * reaping its processes) cannot be skipped because the orchestrator is shutting down. The
 * interrupt is preserved for the caller.
 */
final class Uninterruptibly {
    private Uninterruptibly() {
    }

    static boolean waitFor(Process process, long timeout, TimeUnit unit) {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        boolean interrupted = Thread.interrupted();
        try {
            while (true) {
                try {
                    return process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
