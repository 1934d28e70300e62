package dev.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LogFileFormatTest {
    @Test
    void formatsFixedWidthPrefixWithMillisecondsAlwaysPresent() {
        LogRecord r = new LogRecord(Instant.parse("2026-11-22T09:15:02Z"), LogRecord.Stream.OUT, "hello");
        assertEquals("2026-11-22T09:15:02.000Z out hello", LogFileFormat.format(r));
        LogRecord e = new LogRecord(Instant.parse("0999-01-02T03:04:05.678901Z"), LogRecord.Stream.ERR, "");
        assertEquals("0999-01-02T03:04:05.678Z err ", LogFileFormat.format(e));
        assertEquals(LogFileFormat.PREFIX_LENGTH, LogFileFormat.format(e).length());
    }

    @Test
    void parsesBackExactlyIncludingSpacesAndLookalikesInTheText() {
        for (String text : new String[] {"", " leading space", "trailing  ", "2026-11-22T09:15:02.123Z out nested",
                "tab\there", "ünïcødé ✓ 😀", "│ pipe-like"}) {
            for (LogRecord.Stream stream : LogRecord.Stream.values()) {
                LogRecord r = new LogRecord(Instant.parse("2026-11-22T23:59:59.999Z"), stream, text);
                assertEquals(Optional.of(r), LogFileFormat.parse(LogFileFormat.format(r)));
            }
        }
    }

    @Test
    void rejectsLinesNotInTheFormat() {
        for (String bad : new String[] {"", "hello", "2026-11-22T09:15:02.123Z xxx text", "2026-11-22T09:15:02Z out text",
                "2026-13-22T09:15:02.123Z out text", "2026-02-30T09:15:02.123Z out text",
                "2026-11-22T09:15:02.123Zout text", "2026-11-22 09:15:02.123Z out text",
                "2026-11-22T09:15:02.123Z out"}) {
            assertTrue(LogFileFormat.parse(bad).isEmpty(), bad);
        }
    }

    @Test
    void streamTagsParseForTheStreamOption() {
        assertEquals(LogRecord.Stream.ERR, LogRecord.Stream.fromTag(" ERR "));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> LogRecord.Stream.fromTag("stdout"));
        assertTrue(e.getMessage().contains("out, err or dev"), e.getMessage());
    }
}
