package dev.orchestrator;

import dev.health.LogMatcher;
import dev.logs.LineSink;
import dev.logs.LogRecord;
import dev.logs.LogWriter;
import dev.logs.ServiceLog;
import dev.logs.SplitLine;
import dev.logs.TailBuffer;
import java.time.Instant;

/**
 * Fans one service's output lines out to the log file, the in-memory tail, the live console and
 * a log health check. Runs on pump threads, so it touches only thread-safe sinks; the event loop
 * hears of a log-check match through an event, not through shared state.
 */
final class OutputRouter {
    private final String service;
    private final LogWriter file;
    private final TailBuffer tail;
    private final OrchestratorListener listener;
    /** The log check of the current process, replaced as a whole so a pump never sees half of it. */
    private volatile Watch watch = new Watch(0, null, () -> { });

    /** A log check armed for the process of one spawn ({@code generation}). */
    private record Watch(int generation, LogMatcher matcher, Runnable onMatch) {
    }

    OutputRouter(String service, LogWriter file, TailBuffer tail, OrchestratorListener listener) {
        this.service = service;
        this.file = file;
        this.tail = tail;
        this.listener = listener;
    }

    /**
     * Arms a log health check for the process of spawn {@code generation}; {@code onMatch} runs once, on the
     * first matching line of that process. Lines of an earlier process still draining (a grandchild holding
     * the pipe) never count for this one.
     */
    void watch(int generation, LogMatcher matcher, Runnable onMatch) {
        this.watch = new Watch(generation, matcher, onMatch);
    }

    /** Where the pumps of the process of spawn {@code generation} deliver its lines. */
    LineSink sink(int generation) {
        return new LineSink() {
            @Override
            public void line(LogRecord.Stream stream, Instant time, String raw, String plain) {
                file.write(new LogRecord(time, stream, plain));
                fanOut(generation, stream, raw, plain);
            }

            @Override
            public void line(LogRecord.Stream stream, Instant time, SplitLine line) {
                ServiceLog.write(file, stream, time, line); // ASCII lines are never decoded and encoded again
                fanOut(generation, stream, line.raw(), line.plain());
            }
        };
    }

    private void fanOut(int generation, LogRecord.Stream stream, String raw, String plain) {
        tail.add(plain);
        listener.output(service, stream, raw);
        Watch w = watch;
        if (w.generation() == generation && w.matcher() != null && w.matcher().offer(plain)) {
            w.onMatch().run();
        }
    }

    void marker(String text) {
        file.marker(text);
    }

    TailBuffer tail() {
        return tail;
    }

    void close() {
        try {
            file.close();
        } catch (java.io.IOException e) {
            listener.notice("could not close the log file of " + service + ": " + e.getMessage());
        }
    }
}
