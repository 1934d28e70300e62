package dev.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogFormatterTest {
    private static final LogRecord R = new LogRecord(Instant.parse("2026-11-22T09:15:02.123Z"), LogRecord.Stream.OUT, "ready");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void prefixesAreAlignedToTheLongestName() {
        LogFormatter f = new LogFormatter(List.of("db", "frontend"), new LogFormatter.Options(true, false, false, PARIS));
        assertEquals("db       │ ready", f.format("db", R));
        assertEquals("frontend │ ready", f.format(new LogEntry("frontend", R)));
    }

    @Test
    void timestampsAreShownInTheGivenZone() {
        LogFormatter f = new LogFormatter(List.of("api"), new LogFormatter.Options(true, true, false, PARIS));
        assertEquals("api │ 2026-11-22 10:15:02.123 ready", f.format("api", R));
        LogFormatter bare = new LogFormatter(List.of("api"), new LogFormatter.Options(false, true, false, PARIS));
        assertEquals("2026-11-22 10:15:02.123 ready", bare.format("api", R));
    }

    @Test
    void noPrefixPrintsTheTextAlone() {
        LogFormatter f = new LogFormatter(List.of("api", "web"), new LogFormatter.Options(false, false, true, PARIS));
        assertEquals("ready", f.format("web", R));
    }

    @Test
    void coloursComeFromAFixedPalettePerServicePositionOnlyWhenAsked() {
        LogFormatter f = new LogFormatter(List.of("api", "web"), new LogFormatter.Options(true, false, true, PARIS));
        assertEquals("\u001b[36mapi │\u001b[0m ready", f.format("api", R));
        assertEquals("\u001b[33mweb │\u001b[0m ready", f.format("web", R));
        LogFormatter plain = new LogFormatter(List.of("api", "web"), LogFormatter.Options.defaults());
        assertEquals("api │ ready", plain.format("api", R));
    }
}
