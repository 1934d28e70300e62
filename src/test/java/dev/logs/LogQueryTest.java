package dev.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogQueryTest {
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneId.of("Europe/Paris"));

    @TempDir
    Path dir;

    @Test
    void sinceAcceptsDurationsBackFromNow() {
        assertEquals(NOW.minusSeconds(30), LogQuery.parseSince("30s", CLOCK));
        assertEquals(NOW.minusSeconds(600), LogQuery.parseSince("10m", CLOCK));
        assertEquals(NOW.minusSeconds(7200), LogQuery.parseSince(" 2h ", CLOCK));
        assertEquals(NOW.minusSeconds(5400), LogQuery.parseSince("1h30m", CLOCK));
        assertEquals(NOW.minusMillis(250), LogQuery.parseSince("250ms", CLOCK));
    }

    @Test
    void sinceAcceptsIsoTimesWithOrWithoutOffset() {
        assertEquals(Instant.parse("2026-11-22T09:15:00Z"), LogQuery.parseSince("2026-11-22T09:15:00Z", CLOCK));
        assertEquals(Instant.parse("2026-11-22T08:15:00Z"), LogQuery.parseSince("2026-11-22T09:15:00+01:00", CLOCK));
        // Local times are in the clock's zone (Paris, UTC+1 in November).
        assertEquals(Instant.parse("2026-11-22T08:15:00Z"), LogQuery.parseSince("2026-11-22T09:15", CLOCK));
        assertEquals(Instant.parse("2026-11-22T08:15:30.500Z"), LogQuery.parseSince("2026-11-22 09:15:30.5", CLOCK));
        assertEquals(Instant.parse("2026-11-21T23:00:00Z"), LogQuery.parseSince("2026-11-22", CLOCK));
    }

    @Test
    void sinceRejectsAnythingElseSayingWhatIsAccepted() {
        for (String bad : new String[] {"", "10", "yesterday", "10 minutes", "-5m", "2026-11-22T25:00", "2026/11/22"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LogQuery.parseSince(bad, CLOCK), bad);
            assertTrue(e.getMessage().contains("10m") && e.getMessage().contains("2026-11-22T09:15"), e.getMessage());
        }
    }

    @Test
    void lastMergesServicesAndFiltersEach() throws IOException {
        Instant t = Instant.parse("2026-11-22T09:00:00Z");
        try (LogWriter api = new LogWriter(dir.resolve("api.log"), 10_000, 3);
             LogWriter web = new LogWriter(dir.resolve("web.log"), 10_000, 3)) {
            for (int i = 0; i < 10; i++) {
                api.write(new LogRecord(t.plusSeconds(2L * i), LogRecord.Stream.OUT, "api " + i));
                web.write(new LogRecord(t.plusSeconds(2L * i + 1), i % 2 == 0 ? LogRecord.Stream.ERR : LogRecord.Stream.OUT,
                        "web " + i));
            }
        }
        LogQuery.Result all = LogQuery.last(dir, List.of("api", "web", "absent"), 2, LogFilter.NONE);
        assertEquals(List.of("api 8", "web 8", "api 9", "web 9"), all.entries().stream().map(e -> e.record().text()).toList());
        assertEquals(List.of("api", "web", "absent"), List.copyOf(all.ends().keySet()));
        assertEquals(LogPosition.BEGINNING, all.ends().get("absent"));

        LogFilter errorsSince = new LogFilter(t.plusSeconds(5), Pattern.compile("web [4-9]"), LogRecord.Stream.ERR);
        LogQuery.Result some = LogQuery.last(dir, List.of("api", "web"), 100, errorsSince);
        assertEquals(List.of("web 4", "web 6", "web 8"), some.entries().stream().map(e -> e.record().text()).toList());
    }
}
