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
}
