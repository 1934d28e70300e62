package dev.logs;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One daemon thread shared by every {@link LogWriter} (delayed flush) and {@link OutputPump}
 * (partial-line flush) in the process. Tasks are armed only when there is something to flush,
 * so an idle stack causes no wake-ups, and a whole stack costs one thread instead of one per
 * service. The thread is created once and never multiplied, so start/stop cycles cannot leak it.
 * Tasks must be short: they take a lock, write a buffer, and return.
 */
final class LogTimer {
    private static final ScheduledThreadPoolExecutor EXECUTOR = create();

    private LogTimer() {
    }

    private static ScheduledThreadPoolExecutor create() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread t = new Thread(task, "dev-logs-timer");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    static ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
        return EXECUTOR.schedule(() -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                // A failing task must not kill the shared thread; the owner records its own errors.
                Thread t = Thread.currentThread();
                t.getUncaughtExceptionHandler().uncaughtException(t, e);
            }
        }, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
    }
}
