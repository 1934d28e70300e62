package dev.logs;

import java.util.ArrayList;
import java.util.List;

/**
 * The last lines of one service, kept in memory for failure reports and {@code dev status}
 * without reading the log file back. A fixed ring: adding is O(1) and allocation-free, which
 * matters because every captured line passes through here. Thread-safe.
 */
public final class TailBuffer {
    public static final int DEFAULT_CAPACITY = 200;

    private final String[] ring;
    private int next;
    private int size;

    public TailBuffer(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("tail capacity must be positive, got " + capacity);
        }
        ring = new String[capacity];
    }

    public TailBuffer() {
        this(DEFAULT_CAPACITY);
    }

    public int capacity() {
        return ring.length;
    }

    public synchronized void add(String line) {
        ring[next] = line;
        next = (next + 1) % ring.length;
        if (size < ring.length) {
            size++;
        }
    }

    /** Up to {@code n} of the most recent lines, oldest first. */
    public synchronized List<String> last(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("line count must not be negative, got " + n);
        }
        int count = Math.min(n, size);
        List<String> lines = new ArrayList<>(count);
        int start = next - count + ring.length;
        for (int i = 0; i < count; i++) {
            lines.add(ring[(start + i) % ring.length]);
        }
        return List.copyOf(lines);
    }

    public synchronized int size() {
        return size;
    }

    public synchronized void clear() {
        java.util.Arrays.fill(ring, null);
        next = 0;
        size = 0;
    }
}
