package dev.logs;

import dev.config.Durations;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The read side of {@code dev logs} without {@code -f}: the last lines of several services,
 * filtered and merged in time order, plus where each service's file ended so that
 * {@link LogFollower} can continue from exactly there.
 */
public final class LogQuery {
    private LogQuery() {
    }

    /**
     * @param entries records of all services, merged by time
     * @param ends    per service, in the order asked: where its current file ended
     */
    public record Result(List<LogEntry> entries, Map<String, LogPosition> ends) {
        public Result {
            entries = List.copyOf(entries);
            ends = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(ends));
        }
    }

    /**
     * The last {@code n} matching records of each service, merged by time.
     *
     * @param services in display order (ties in time keep this order)
     * @param n        per service; {@link Integer#MAX_VALUE} for all
     */
    public static Result last(Path logsDir, List<String> services, int n, LogFilter filter) {
        Map<String, List<LogRecord>> records = new LinkedHashMap<>();
        Map<String, LogPosition> ends = new LinkedHashMap<>();
        for (String service : services) {
            LogTail.Result tail = LogTail.read(logsDir, service, n, filter);
            records.put(service, tail.records());
            ends.put(service, tail.end());
        }
        return new Result(LogMerger.merge(records), ends);
    }

    /**
     * Parses a {@code --since} value: a duration back from now ({@code 30s}, {@code 10m},
     * {@code 2h}, {@code 1h30m}) or an ISO-8601 date-time, with an offset
     * ({@code 2026-11-22T09:15:00Z}, {@code …+01:00}) or without (then in the clock's zone),
     * or a bare date (its midnight in the clock's zone). A space may replace the {@code T}.
     *
     * @throws IllegalArgumentException saying what is accepted
     */
    public static Instant parseSince(String text, Clock clock) {
        String s = text == null ? "" : text.trim();
        Optional<Duration> ago = Durations.parse(s);
        if (ago.isPresent()) {
            return clock.instant().minus(ago.get());
        }
        String iso = s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + 'T' + s.substring(11) : s;
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException notOffset) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(iso).atZone(clock.getZone()).toInstant();
        } catch (DateTimeParseException notLocal) {
            // try the next form
        }
        try {
            return LocalDate.parse(iso).atStartOfDay(clock.getZone()).toInstant();
        } catch (DateTimeParseException notDate) {
            throw new IllegalArgumentException("invalid --since value '" + text + "': expected a duration "
                    + "such as 30s, 10m or 2h, or an ISO date-time such as 2026-11-22T09:15, "
                    + "2026-11-22 09:15:00 or 2026-11-22T09:15:00+01:00");
        }
    }
}
