package dev.logs;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Which records {@code dev logs} shows. Every criterion is optional (null = no restriction).
 *
 * @param since  records at or after this time
 * @param grep   records whose text contains a match ({@link java.util.regex.Matcher#find()})
 * @param stream records of this stream; {@code dev} records (start markers) are kept whatever
 *               stream is asked for, so restarts stay visible in {@code --stream err}
 */
public record LogFilter(Instant since, Pattern grep, LogRecord.Stream stream) {
    /** Everything. */
    public static final LogFilter NONE = new LogFilter(null, null, null);

    public boolean matches(LogRecord record) {
        if (since != null && record.time().isBefore(since)) {
            return false;
        }
        if (stream != null && record.stream() != stream && record.stream() != LogRecord.Stream.DEV) {
            return false;
        }
        return grep == null || grep.matcher(record.text()).find();
    }
}
