package dev.logs;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded hand-over between capture (many pump threads) and the live console (one slow
 * consumer: a terminal, an ssh session, a paused {@code less}). Producers never block: when the
 * queue is full the oldest line is dropped and counted, and the consumer then receives a
 * {@link ConsoleItem.Skipped} right where the gap is. The log files are written separately and
 * never lose a line to this.
 */
public final class ConsoleQueue {
    public static final int DEFAULT_CAPACITY = 10_000;

    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    // Guarded by lock.
    private final ArrayDeque<ConsoleLine> lines = new ArrayDeque<>();
    /** Lines dropped since the consumer last took something: the gap sits before the head. */
    private long skippedPending;
    private long skippedTotal;
    private boolean closed;

    public ConsoleQueue(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("console queue capacity must be positive, got " + capacity);
        }
        this.capacity = capacity;
    }

    public ConsoleQueue() {
        this(DEFAULT_CAPACITY);
    }

    /** Adds a line without ever blocking; drops the oldest queued line when full. Ignored once closed. */
    public void offer(ConsoleLine line) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            if (lines.size() == capacity) {
                lines.pollFirst();
                skippedPending++;
                skippedTotal++;
            }
            lines.addLast(line);
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The next item, waiting up to {@code timeout} for one; empty on timeout, or once the queue
     * is closed and drained.
     */
    public Optional<ConsoleItem> poll(Duration timeout) throws InterruptedException {
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            while (lines.isEmpty() && skippedPending == 0 && !closed && remaining > 0) {
                remaining = notEmpty.awaitNanos(remaining);
            }
            return Optional.ofNullable(take());
        } finally {
            lock.unlock();
        }
    }

    /** Up to {@code max} items available right now, without waiting, in order. */
    public List<ConsoleItem> drain(int max) {
        List<ConsoleItem> items = new ArrayList<>();
        lock.lock();
        try {
            ConsoleItem item;
            while (items.size() < max && (item = take()) != null) {
                items.add(item);
            }
        } finally {
            lock.unlock();
        }
        return items;
    }

    private ConsoleItem take() {
        if (skippedPending > 0) {
            ConsoleItem.Skipped skipped = new ConsoleItem.Skipped(skippedPending);
            skippedPending = 0;
            return skipped;
        }
        return lines.pollFirst();
    }

    /** Lines dropped since the queue was created. */
    public long skippedTotal() {
        lock.lock();
        try {
            return skippedTotal;
        } finally {
            lock.unlock();
        }
    }

    /** Stops accepting lines and wakes a waiting consumer; what is queued can still be taken. */
    public void close() {
        lock.lock();
        try {
            closed = true;
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
