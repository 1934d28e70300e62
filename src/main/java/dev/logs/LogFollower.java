package dev.logs;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code dev logs -f}: follows one or more services' log files and hands every new record to a
 * listener, until closed. Polls every {@link #DEFAULT_POLL_INTERVAL} (files only: works whether
 * or not the stack runs, and needs no help from the writer). Survives rotation, truncation and
 * the file being recreated, and waits for files that do not exist yet (see {@link FollowedFile}).
 * Records that arrive in the same poll from several services are delivered in time order.
 */
public final class LogFollower implements Closeable {
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(50);
    /** Bytes read per service per poll, so one flooding service cannot starve the others. */
    private static final int POLL_BUDGET = 4 * 1024 * 1024;

    /** Receives records on the follower's thread, in delivery order. */
    @FunctionalInterface
    public interface Listener {
        void record(String service, LogRecord record);
    }

    private final List<FollowedFile> files;
    private final LogFilter filter;
    private final Listener listener;
    private final long pollNanos;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Thread thread;
    private volatile Throwable failure;
    private volatile IOException lastReadError;

    private LogFollower(Path logsDir, Map<String, LogPosition> from, LogFilter filter, Duration poll,
                        Listener listener) {
        this.files = new ArrayList<>();
        from.forEach((service, position) -> files.add(new FollowedFile(new LogFiles(logsDir, service), position)));
        this.filter = filter;
        this.listener = listener;
        this.pollNanos = poll.toNanos();
        this.thread = new Thread(this::run, "dev-logs-follow");
        thread.setDaemon(true);
    }

    /**
     * Starts following.
     *
     * @param from for each service (in tie-breaking order), where to start: a
     *             {@link LogTail.Result#end()} to continue right after what was printed, or
     *             {@link LogPosition#BEGINNING}
     */
    public static LogFollower start(Path logsDir, Map<String, LogPosition> from, LogFilter filter, Listener listener) {
        return start(logsDir, from, filter, DEFAULT_POLL_INTERVAL, listener);
    }

    public static LogFollower start(Path logsDir, Map<String, LogPosition> from, LogFilter filter,
                                    Duration pollInterval, Listener listener) {
        LogFollower follower = new LogFollower(logsDir, new LinkedHashMap<>(from), filter, pollInterval, listener);
        follower.thread.start();
        return follower;
    }

    /** Why the follower stopped on its own: the listener threw. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    /** The most recent read error (the follower keeps retrying; permissions, a vanished directory). */
    public Optional<IOException> lastReadError() {
        return Optional.ofNullable(lastReadError);
    }

    public boolean isRunning() {
        return thread.isAlive();
    }

    /** Stops following, waits for the thread to finish and closes the files. */
    @Override
    public void close() {
        closing.countDown();
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            while (closing.getCount() > 0) {
                boolean more = pollOnce();
                if (!more && closing.await(pollNanos, TimeUnit.NANOSECONDS)) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failure = e;
        } finally {
            for (FollowedFile f : files) {
                try {
                    f.close();
                } catch (IOException e) {
                    lastReadError = e;
                }
            }
        }
    }

    /** One round over all files; true when some file has more to read right away. */
    private boolean pollOnce() {
        Map<String, List<LogRecord>> batch = new LinkedHashMap<>();
        boolean more = false;
        for (FollowedFile f : files) {
            List<LogRecord> read = new ArrayList<>();
            try {
                f.poll(POLL_BUDGET, read);
            } catch (IOException e) {
                lastReadError = e;
            }
            read.removeIf(r -> !filter.matches(r));
            batch.put(f.service(), read);
            more |= f.moreAvailable();
        }
        for (LogEntry e : LogMerger.merge(batch)) {
            if (closing.getCount() == 0) {
                return false;
            }
            listener.record(e.service(), e.record());
        }
        return more;
    }
}
