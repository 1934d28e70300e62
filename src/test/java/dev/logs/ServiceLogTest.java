package dev.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceLogTest {
    @TempDir
    Path dir;

    @Test
    void plainTextGoesToFileAndTailRawTextToTheConsole() throws IOException {
        ConsoleQueue console = new ConsoleQueue(100);
        Instant t = Instant.parse("2026-11-22T09:15:02.123Z");
        try (ServiceLog log = ServiceLog.open(dir, "api", 10_000, 3, console)) {
            log.started(4242);
            log.line(LogRecord.Stream.ERR, t, "\u001b[31mboom\u001b[0m", "boom");
            assertEquals(List.of("--- started (pid 4242) ---", "boom"), log.tail().last(10));
        }
        List<String> file = Files.readAllLines(dir.resolve("api.log"));
        assertEquals(2, file.size());
        assertEquals("2026-11-22T09:15:02.123Z err boom", file.get(1));
        assertEquals(List.of(new ConsoleLine("api", LogRecord.Stream.ERR, t, "\u001b[31mboom\u001b[0m")), console.drain(10));
    }

    @Test
    void worksWithoutALiveConsole() throws IOException {
        try (ServiceLog log = ServiceLog.open(dir, "worker", 10_000, 3, null)) {
            log.line(LogRecord.Stream.OUT, Instant.now(), "x", "x");
            assertEquals(List.of("x"), log.tail().last(1));
        }
    }
}
