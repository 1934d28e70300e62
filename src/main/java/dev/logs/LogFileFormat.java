package dev.logs;

import java.time.Instant;
import java.util.Optional;

/**
 * The format of {@code .dev/logs/NAME.log}, written by {@link LogWriter} and read back by the
 * {@code dev logs} readers.
 *
 * <pre>
 * 2026-11-22T09:15:02.123Z out Listening on http://127.0.0.1:8080
 * 2026-11-22T09:15:02.125Z err warning: deprecated option --foo
 * 2026-11-22T09:16:40.001Z dev --- started (pid 4242) ---
 * </pre>
 *
 * <ul>
 *   <li>UTF-8 text, one record per line, each line ended by a single LF.</li>
 *   <li>Columns 0–23: the UTC time the line was read, {@code yyyy-MM-ddTHH:mm:ss.SSSZ}, always
 *       with milliseconds, so every record has the same width up to its text.</li>
 *   <li>Column 24: a space. Columns 25–27: the stream, {@code out}, {@code err} or {@code dev}
 *       (lines dev wrote itself, such as the marker written at each start). Column 28: a space.</li>
 *   <li>From column 29 to the LF: the text exactly as the service printed it, minus ANSI escape
 *       sequences and control characters other than TAB. It never holds CR or LF, so the format
 *       needs no quoting: everything after the fixed 29-character prefix is the text.
 *       Bytes that were not valid UTF-8 were replaced by U+FFFD when the line was captured.</li>
 * </ul>
 *
 * Lines that do not have this shape (a file edited by hand, a torn write after a crash) are
 * skipped by the readers instead of failing the whole read.
 */
public final class LogFileFormat {
    /** Length of the timestamp, the stream tag and the two spaces in front of the text. */
    public static final int PREFIX_LENGTH = LogTimestamps.LENGTH + 5;

    private LogFileFormat() {
    }

    /** The record as one line of a log file, without the trailing LF. */
    public static String format(LogRecord record) {
        return new LogTimestamps().format(record.time()) + ' ' + record.stream().tag() + ' ' + record.text();
    }

    /** Parses one line (without its LF); empty when it is not a record in this format. */
    public static Optional<LogRecord> parse(String line) {
        return Optional.ofNullable(parseOrNull(line));
    }

    static LogRecord parseOrNull(String line) {
        if (line.length() < PREFIX_LENGTH || line.charAt(LogTimestamps.LENGTH) != ' '
                || line.charAt(PREFIX_LENGTH - 1) != ' ') {
            return null;
        }
        Instant time = LogTimestamps.parse(line, 0);
        LogRecord.Stream stream = streamAt(line, LogTimestamps.LENGTH + 1);
        if (time == null || stream == null) {
            return null;
        }
        return new LogRecord(time, stream, line.substring(PREFIX_LENGTH));
    }

    private static LogRecord.Stream streamAt(String line, int at) {
        for (LogRecord.Stream s : LogRecord.Stream.values()) {
            if (line.startsWith(s.tag(), at)) {
                return s;
            }
        }
        return null;
    }
}
