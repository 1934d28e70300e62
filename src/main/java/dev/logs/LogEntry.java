package dev.logs;

import java.util.Objects;

/** A record together with the service it belongs to, as readers hand them out. */
public record LogEntry(String service, LogRecord record) {
    public LogEntry {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(record, "record");
    }
}
