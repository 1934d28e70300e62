package dev.logs;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Interleaves several services' records by time, the way {@code dev logs api web} prints them.
 * Each service's own order is kept even where its timestamps go backwards (a clock step), and
 * records with equal times come in the order the services were given, so the output is stable.
 */
public final class LogMerger {
    private LogMerger() {
    }

    /** @param byService records per service, each in file order; iteration order breaks ties */
    public static List<LogEntry> merge(Map<String, ? extends List<LogRecord>> byService) {
        PriorityQueue<Cursor> heads = new PriorityQueue<>();
        int total = 0;
        int rank = 0;
        for (Map.Entry<String, ? extends List<LogRecord>> e : byService.entrySet()) {
            Cursor c = new Cursor(e.getKey(), rank++, e.getValue().iterator());
            total += e.getValue().size();
            if (c.advance()) {
                heads.add(c);
            }
        }
        List<LogEntry> merged = new ArrayList<>(total);
        while (!heads.isEmpty()) {
            Cursor c = heads.poll();
            merged.add(new LogEntry(c.service, c.head));
            if (c.advance()) {
                heads.add(c);
            }
        }
        return merged;
    }

    private static final class Cursor implements Comparable<Cursor> {
        final String service;
        final int rank;
        final Iterator<LogRecord> rest;
        LogRecord head;

        Cursor(String service, int rank, Iterator<LogRecord> rest) {
            this.service = service;
            this.rank = rank;
            this.rest = rest;
        }

        boolean advance() {
            head = rest.hasNext() ? rest.next() : null;
            return head != null;
        }

        @Override
        public int compareTo(Cursor other) {
            int byTime = head.time().compareTo(other.head.time());
            return byTime != 0 ? byTime : Integer.compare(rank, other.rank);
        }
    }
}
