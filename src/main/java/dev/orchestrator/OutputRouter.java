package dev.orchestrator;

import dev.health.LogMatcher;
import dev.logs.LineSink;
import dev.logs.LogRecord;
import dev.logs.LogWriter;
import dev.logs.TailBuffer;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Fans one service's output lines out to the log file, the in-memory tail, the live console and
 * a log health check. Runs on pump threads, so it touches only thread-safe sinks; the event loop
 * hears of a log-check match through an event, not through shared state.
 */
final class OutputRouter implements LineSink {
    private final String service;
    private final LogWriter file;
    private final TailBuffer tail;
    private final OrchestratorListener listener;
    private volatile LogMatcher matcher;
    private volatile Consumer<Void> onMatch;

    OutputRouter(String service, LogWriter file, TailBuffer tail, OrchestratorListener listener) {
        this.service = service;
        this.file = file;
        this.tail = tail;
        this.listener = listener;
    }

    /** Arms a log health check for the current process; {@code onMatch} runs once on the first match. */
    void watch(LogMatcher matcher, Runnable onMatch) {
        this.matcher = matcher;
        this.onMatch = v -> onMatch.run();
    }

    @Override
    public void line(LogRecord.Stream stream, Instant time, String raw, String plain) {
        file.write(new LogRecord(time, stream, plain));
        tail.add(plain);
        listener.output(service, stream, raw);
        LogMatcher m = matcher;
        if (m != null && m.offer(plain)) {
            Consumer<Void> callback = onMatch;
            if (callback != null) {
                callback.accept(null);
            }
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
