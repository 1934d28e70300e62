package dev.logs;

import java.time.Instant;
import java.util.Objects;

/** A line on its way to the live console, with its colours intact ({@code text} is the raw line). */
public record ConsoleLine(String service, LogRecord.Stream stream, Instant time, String text) implements ConsoleItem {
    public ConsoleLine {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(text, "text");
    }
}
