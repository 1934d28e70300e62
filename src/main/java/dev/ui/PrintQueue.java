package dev.ui;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The hand-over from the threads that produce lines (output pumps, the event loop) to the one
 * thread that writes to the terminal. Producers never block. Service output is bounded: once
 * {@code maxServiceLines} of it wait, newer service lines are dropped and counted, and the count
 * comes out as a {@link Item.Skipped} before the next item. dev's own lines (state changes,
 * notices) are never dropped: there are few of them and they are what the user must see.
 * Arrival order is kept across both kinds, so "api healthy" follows api's own "listening" line.
 */
public final class PrintQueue {
    /** What the printing thread takes out. */
    public sealed interface Item permits Item.ServiceLine, Item.DevLine, Item.Skipped, Item.Wake {
        /** A line of a service's output, as captured (colours intact). */
        record ServiceLine(String service, String raw) implements Item {
        }

        /** A line of dev's own, already formatted. */
        record DevLine(String text) implements Item {
        }

        /** {@code lines} service lines were dropped right here. */
        record Skipped(long lines) implements Item {
        }

        /** Nothing to print; the consumer should look at its other inputs (a new snapshot, a key). */
        record Wake() implements Item {
        }
    }

    private static final Item.Wake WAKE = new Item.Wake();

    private final int maxServiceLines;
    private final LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private final AtomicLong pendingServiceLines = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();

    public PrintQueue(int maxServiceLines) {
        if (maxServiceLines <= 0) {
            throw new IllegalArgumentException("maxServiceLines must be positive, got " + maxServiceLines);
        }
        this.maxServiceLines = maxServiceLines;
    }

    /** Queues a service line, or drops and counts it when the consumer is that far behind. */
    public void service(String service, String raw) {
        if (pendingServiceLines.incrementAndGet() > maxServiceLines) {
            pendingServiceLines.decrementAndGet();
            skipped.incrementAndGet();
            return;
        }
        queue.add(new Item.ServiceLine(service, raw));
    }

    public void dev(String text) {
        queue.add(new Item.DevLine(text));
    }

    /** Makes a waiting {@link #poll} return early without printing anything. */
    public void wake() {
        queue.add(WAKE);
    }

    /**
     * The next item, waiting up to {@code timeout}; null when none came. A pending skip count is
     * reported first, so the notice lands where the gap is.
     */
    public Item poll(Duration timeout) throws InterruptedException {
        long n = skipped.getAndSet(0);
        if (n > 0) {
            return new Item.Skipped(n);
        }
        Item item = queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (item instanceof Item.ServiceLine) {
            pendingServiceLines.decrementAndGet();
        }
        return item;
    }

    /** Whether nothing is queued (skip counts included). */
    public boolean isEmpty() {
        return queue.isEmpty() && skipped.get() == 0;
    }

    /** The notice printed in place of dropped lines. */
    public static String skippedMessage(long lines) {
        return "… terminal too slow: skipped " + lines + (lines == 1 ? " line" : " lines")
                + " (all of them are in .dev/logs)";
    }
}
