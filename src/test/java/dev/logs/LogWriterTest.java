package dev.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.testing.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogWriterTest {
    private static final Instant T = Instant.parse("2026-11-22T09:15:02.123Z");

    @TempDir
    Path dir;

    private static List<String> texts(Path file) throws IOException {
        List<String> texts = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            texts.add(LogFileFormat.parse(line).map(LogRecord::text).orElse("<unparsable> " + line));
        }
        return texts;
    }

    /** 21 characters, so each record is 29 + 21 + 1 = 51 bytes. */
    private static String text(int i) {
        return String.format("record number %07d", i);
    }

    @Test
    void rotatesBySizeKeepingTheConfiguredNumberOfFilesAndDroppingTheOldest() throws IOException {
        Path log = dir.resolve("api.log");
        try (LogWriter w = new LogWriter(log, 200, 2)) {
            for (int i = 0; i < 20; i++) {
                w.write(new LogRecord(T, LogRecord.Stream.OUT, text(i)));
            }
        }
        // 3 records (153 bytes) fit in 200; the 4th would make 204.
        assertEquals(List.of(text(18), text(19)), texts(log));
        assertEquals(List.of(text(15), text(16), text(17)), texts(dir.resolve("api.log.1")));
        assertEquals(List.of(text(12), text(13), text(14)), texts(dir.resolve("api.log.2")));
        assertFalse(Files.exists(dir.resolve("api.log.3")), "oldest dropped");
        assertEquals(153, Files.size(dir.resolve("api.log.1")));
        assertEquals(Set.of("api.log", "api.log.1", "api.log.2"), names());
    }

    @Test
    void zeroRotatedFilesKeepsOnlyTheCurrentOne() throws IOException {
        Path log = dir.resolve("db.log");
        try (LogWriter w = new LogWriter(log, 200, 0)) {
            for (int i = 0; i < 7; i++) {
                w.write(new LogRecord(T, LogRecord.Stream.ERR, text(i)));
            }
        }
        assertEquals(List.of(text(6)), texts(log));
        assertEquals(Set.of("db.log"), names());
    }

    @Test
    void aRecordLargerThanTheLimitGetsAFileOfItsOwn() throws IOException {
        Path log = dir.resolve("big.log");
        String big = "x".repeat(1000);
        try (LogWriter w = new LogWriter(log, 200, 3)) {
            w.write(new LogRecord(T, LogRecord.Stream.OUT, "small"));
            w.write(new LogRecord(T, LogRecord.Stream.OUT, big));
            w.write(new LogRecord(T, LogRecord.Stream.OUT, "after"));
        }
        assertEquals(List.of("small"), texts(dir.resolve("big.log.2")));
        assertEquals(List.of(big), texts(dir.resolve("big.log.1")));
        assertEquals(List.of("after"), texts(log));
    }

    @Test
    void recordsLargerThanTheBufferAreWrittenWhole() throws IOException {
        Path log = dir.resolve("huge.log");
        String huge = "é".repeat(LineSplitter.MAX_LINE_BYTES / 2);
        try (LogWriter w = new LogWriter(log, Long.MAX_VALUE, 1)) {
            w.write(new LogRecord(T, LogRecord.Stream.OUT, "before"));
            w.write(new LogRecord(T, LogRecord.Stream.OUT, huge));
            w.write(new LogRecord(T, LogRecord.Stream.OUT, "after"));
        }
        assertEquals(List.of("before", huge, "after"), texts(log));
    }

    @Test
    void theBufferStaysSmallForAQuietServiceAndGrowsForAChattyOneKeepingEveryRecord() throws IOException {
        Path log = dir.resolve("chatty.log");
        List<String> expected = new ArrayList<>();
        try (LogWriter w = new LogWriter(log, Long.MAX_VALUE, 1)) {
            w.write(new LogRecord(T, LogRecord.Stream.OUT, "a quiet line"));
            assertEquals(LogWriter.INITIAL_BUFFER_SIZE, w.bufferCapacity(), "a quiet service keeps the small buffer");
            expected.add("a quiet line");
            // 51-byte records, far more than the initial buffer holds between two timed flushes.
            for (int i = 0; i < 20_000; i++) {
                w.write(new LogRecord(T, LogRecord.Stream.OUT, text(i)));
                expected.add(text(i));
            }
            int capacity = w.bufferCapacity();
            assertTrue(capacity > LogWriter.INITIAL_BUFFER_SIZE && capacity <= LogWriter.MAX_BUFFER_SIZE,
                    "grown within its bound: " + capacity);
            // A record longer than the grown buffer still goes out whole, in order.
            String longer = "x".repeat(LogWriter.MAX_BUFFER_SIZE + 10);
            w.write(new LogRecord(T, LogRecord.Stream.OUT, longer));
            expected.add(longer);
            assertEquals(LogWriter.MAX_BUFFER_SIZE, w.bufferCapacity(), "never past its bound");
        }
        assertEquals(expected, texts(log));
    }

    @Test
    void reopeningAppendsAndMarksTheRestart() throws IOException {
        Path log = dir.resolve("web.log");
        try (LogWriter w = new LogWriter(log, 10_000, 3)) {
            w.marker("started (pid 100)");
            w.write(new LogRecord(T, LogRecord.Stream.OUT, "first run"));
        }
        try (LogWriter w = new LogWriter(log, 10_000, 3)) {
            w.marker("started (pid 200)");
            w.write(new LogRecord(T, LogRecord.Stream.OUT, "second run"));
        }
        assertEquals(List.of("--- started (pid 100) ---", "first run", "--- started (pid 200) ---", "second run"),
                texts(log));
        assertTrue(Files.readAllLines(log).get(2).contains(" dev --- started"));
    }

    @Test
    void rotationCountsWhatWasInTheFileBeforeAReopen() throws IOException {
        Path log = dir.resolve("svc.log");
        try (LogWriter w = new LogWriter(log, 200, 3)) {
            w.write(new LogRecord(T, LogRecord.Stream.OUT, text(0)));
            w.write(new LogRecord(T, LogRecord.Stream.OUT, text(1)));
        }
        try (LogWriter w = new LogWriter(log, 200, 3)) {
            w.write(new LogRecord(T, LogRecord.Stream.OUT, text(2)));
            w.write(new LogRecord(T, LogRecord.Stream.OUT, text(3)));
        }
        assertEquals(List.of(text(0), text(1), text(2)), texts(dir.resolve("svc.log.1")));
        assertEquals(List.of(text(3)), texts(log));
    }

    @Test
    void aTornLastLineFromACrashIsEndedBeforeNewRecords() throws IOException {
        Path log = dir.resolve("torn.log");
        Files.writeString(log, "2026-11-22T09:15:02.123Z out complete\n2026-11-22T09:15:02.124Z out half a li");
        try (LogWriter w = new LogWriter(log, 10_000, 3)) {
            w.write(new LogRecord(T, LogRecord.Stream.OUT, "next"));
        }
        assertEquals(List.of("complete", "half a li", "next"), texts(log));
    }

    @Test
    void lineBreaksInsideATextBecomeSeparateRecords() throws IOException {
        Path log = dir.resolve("multi.log");
        try (LogWriter w = new LogWriter(log, 10_000, 3)) {
            w.write(new LogRecord(T, LogRecord.Stream.DEV, "one\ntwo\r\nthree\rfour"));
        }
        assertEquals(List.of("one", "two", "three", "four"), texts(log));
    }

    @Test
    void writesReachTheFileWithoutFlushOrClose() throws IOException {
        Path log = dir.resolve("live.log");
        try (LogWriter w = new LogWriter(log, 10_000, 3)) {
            w.write(new LogRecord(T, LogRecord.Stream.OUT, "soon on disk"));
            // The delayed flush runs after LogWriter.FLUSH_DELAY_MILLIS; the deadline only guards a stuck test.
            Await.until(Duration.ofSeconds(5), () -> sizeOf(log) > 0, "the buffered record was flushed by the timer");
            assertEquals(List.of("soon on disk"), texts(log));
        }
    }

    @Test
    void concurrentWritersNeverInterleaveWithinARecord() throws Exception {
        Path log = dir.resolve("concurrent.log");
        int threads = 4;
        int each = 20_000;
        try (LogWriter w = new LogWriter(log, Long.MAX_VALUE, 1)) {
            List<Thread> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                Thread th = new Thread(() -> {
                    for (int i = 0; i < each; i++) {
                        w.write(T, id % 2 == 0 ? LogRecord.Stream.OUT : LogRecord.Stream.ERR, "writer " + id + " line " + i);
                    }
                });
                writers.add(th);
                th.start();
            }
            for (Thread th : writers) {
                th.join();
            }
        }
        Set<String> seen = new TreeSet<>(texts(log));
        assertEquals(threads * each, seen.size());
        assertTrue(seen.contains("writer 3 line 19999"));
    }

    @Test
    void writingAfterCloseFailsLoudly() throws IOException {
        LogWriter w = new LogWriter(dir.resolve("closed.log"), 10_000, 3);
        w.close();
        w.close();
        assertThrows(IllegalStateException.class, () -> w.marker("late"));
    }

    @Test
    void invalidSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new LogWriter(dir.resolve("x.log"), 0, 3));
        assertThrows(IllegalArgumentException.class, () -> new LogWriter(dir.resolve("x.log"), 100, -1));
    }

    @Test
    void createsTheLogsDirectory() throws IOException {
        Path log = dir.resolve(".dev/logs/new.log");
        try (LogWriter w = new LogWriter(log, 10_000, 3)) {
            w.write(new LogRecord(T, LogRecord.Stream.OUT, "ok"));
        }
        assertEquals("2026-11-22T09:15:02.123Z out ok\n", Files.readString(log, StandardCharsets.UTF_8));
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Set<String> names() throws IOException {
        Set<String> names = new TreeSet<>();
        try (var s = Files.list(dir)) {
            s.forEach(p -> names.add(p.getFileName().toString()));
        }
        return names;
    }
}
