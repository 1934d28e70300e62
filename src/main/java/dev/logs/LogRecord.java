package dev.logs;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One line of a service's log: when it arrived, which stream it came from, and its text with
 * ANSI escapes already removed. The text never contains a line break; {@link LogWriter} splits
 * records that do.
 */
public record LogRecord(Instant time, Stream stream, String text) {

    /** Where a line came from. {@link #DEV} marks lines written by dev itself (start markers). */
    public enum Stream {
        OUT("out"), ERR("err"), DEV("dev");

        private final String tag;

        Stream(String tag) {
            this.tag = tag;
        }

        /** The three-letter tag used in log files and accepted by {@code --stream}. */
        public String tag() {
            return tag;
        }

        /** Parses {@code out}, {@code err} or {@code dev} (any case). */
        public static Stream fromTag(String text) {
            String t = text.trim().toLowerCase(Locale.ROOT);
            for (Stream s : values()) {
                if (s.tag.equals(t)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown stream '" + text + "': expected out, err or dev");
        }
    }

    public LogRecord {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(text, "text");
    }

    /** The marker written each time a service (re)starts. */
    public static LogRecord startMarker(Instant time, long pid) {
        return new LogRecord(time, Stream.DEV, LogWriter.markerText("started (pid " + pid + ")"));
    }
}
