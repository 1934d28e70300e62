package dev.logs;

import java.time.Instant;

/**
 * Receives the lines an {@link OutputPump} splits out of a child's stream. Called on the pump's
 * thread (or its partial-line timer), never concurrently for one pump, so an implementation
 * shared by a service's stdout and stderr pumps must be thread-safe.
 */
@FunctionalInterface
public interface LineSink {
    /**
     * @param raw   the line as the child wrote it, colours and all, without its line terminator
     * @param plain the same line with ANSI escape sequences and control characters removed;
     *              the very same String instance as {@code raw} when there was nothing to remove
     */
    void line(LogRecord.Stream stream, Instant time, String raw, String plain);

    /**
     * The same line undecoded, which is how the pumps deliver it; sinks that can use the bytes (a log file)
     * override this. Valid only during the call.
     */
    default void line(LogRecord.Stream stream, Instant time, SplitLine line) {
        line(stream, time, line.raw(), line.plain());
    }
}
