package dev.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {
    private static final Instant T = Instant.parse("2026-11-22T09:00:00Z");

    @TempDir
    Path dir;

    private void write(String service, long maxSize, int maxFiles, int from, int to) throws IOException {
        try (LogWriter w = new LogWriter(dir.resolve(service + ".log"), maxSize, maxFiles)) {
            for (int i = from; i < to; i++) {
                w.write(new LogRecord(T.plusMillis(i), i % 3 == 0 ? LogRecord.Stream.ERR : LogRecord.Stream.OUT, "line " + i));
            }
        }
    }

    private static List<String> texts(List<LogRecord> records) {
        return records.stream().map(LogRecord::text).toList();
    }

    private static List<String> lines(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "line " + i).toList();
    }

    @Test
    void lastLinesOfOneFileOldestFirst() throws IOException {
        write("api", 1_000_000, 3, 0, 50);
        assertEquals(lines(40, 50), texts(LogTail.last(dir, "api", 10)));
        assertEquals(lines(0, 50), texts(LogTail.last(dir, "api", 500)));
        assertEquals(List.of(), LogTail.last(dir, "api", 0));
        assertEquals(List.of(), LogTail.last(dir, "nothing-yet", 10));
    }

    @Test
    void spansIntoRotatedFilesWhenTheCurrentOneHasTooFewLines() throws IOException {
        write("api", 400, 5, 0, 40); // about 10 records per file
        assertTrue(Files.exists(dir.resolve("api.log.3")));
        assertEquals(lines(5, 40), texts(LogTail.last(dir, "api", 35)));
    }

    @Test
    void filtersCountOnlyMatchingRecordsAndSinceStopsTheScan() throws IOException {
        write("api", 400, 5, 0, 40);
        LogFilter errors = new LogFilter(null, null, LogRecord.Stream.ERR);
        assertEquals(List.of("line 30", "line 33", "line 36", "line 39"),
                texts(LogTail.read(dir, "api", 4, errors).records()));
        LogFilter grep = new LogFilter(null, Pattern.compile("line 1\\d"), null);
        assertEquals(lines(10, 20), texts(LogTail.read(dir, "api", 100, grep).records()));
        LogFilter since = new LogFilter(T.plusMillis(33), null, null);
        assertEquals(lines(33, 40), texts(LogTail.read(dir, "api", 100, since).records()));
    }

    @Test
    void aLineStillBeingWrittenIsLeftForTheFollower() throws IOException {
        write("api", 1_000_000, 3, 0, 3);
        Path file = dir.resolve("api.log");
        long complete = Files.size(file);
        Files.writeString(file, "2026-11-22T09:00:00.100Z out half", StandardOpenOption.APPEND);
        LogTail.Result r = LogTail.read(dir, "api", 10, LogFilter.NONE);
        assertEquals(lines(0, 3), texts(r.records()));
        assertEquals(complete, r.end().offset());
        assertEquals(Files.readAttributes(file, BasicFileAttributes.class).fileKey(), r.end().fileKey());
    }

    @Test
    void unparsableLinesAreSkipped() throws IOException {
        Files.writeString(dir.resolve("odd.log"), "garbage\n2026-11-22T09:00:00.000Z out fine\n\nmore garbage\n");
        assertEquals(List.of("fine"), texts(LogTail.last(dir, "odd", 10)));
    }

    @Test
    void linesLongerThanAReadBlockComeBackWhole() throws IOException {
        String longText = "y".repeat(BackwardLineReader.BLOCK_SIZE * 3 + 17);
        try (LogWriter w = new LogWriter(dir.resolve("long.log"), Long.MAX_VALUE, 1)) {
            w.write(new LogRecord(T, LogRecord.Stream.OUT, "short"));
            w.write(new LogRecord(T, LogRecord.Stream.OUT, longText));
            w.write(new LogRecord(T, LogRecord.Stream.OUT, "end"));
        }
        assertEquals(List.of("short", longText, "end"), texts(LogTail.last(dir, "long", 3)));
    }

    @Test
    void readsOnlyTheEndOfALargeFile() throws IOException {
        int records = 400_000; // about 16 MB
        write("big", Long.MAX_VALUE, 1, 0, records);
        long fileSize = Files.size(dir.resolve("big.log"));
        assertTrue(fileSize > 15_000_000, "file is large: " + fileSize);

        AtomicLong bytesRead = new AtomicLong();
        LogTail.Result r = LogTail.read(new LogFiles(dir, "big"), 100, LogFilter.NONE,
                file -> new CountingChannel(FileChannel.open(file, StandardOpenOption.READ), bytesRead));
        assertEquals(lines(records - 100, records), texts(r.records()));
        assertTrue(bytesRead.get() <= 2L * BackwardLineReader.BLOCK_SIZE,
                "read " + bytesRead.get() + " bytes of " + fileSize);
    }

    /** Counts the bytes read through a channel. */
    private static final class CountingChannel implements SeekableByteChannel {
        private final SeekableByteChannel delegate;
        private final AtomicLong count;

        CountingChannel(SeekableByteChannel delegate, AtomicLong count) {
            this.delegate = delegate;
            this.count = count;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            int n = delegate.read(dst);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }

        @Override
        public int write(ByteBuffer src) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long position() throws IOException {
            return delegate.position();
        }

        @Override
        public SeekableByteChannel position(long newPosition) throws IOException {
            delegate.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return delegate.size();
        }

        @Override
        public SeekableByteChannel truncate(long size) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isOpen() {
            return delegate.isOpen();
        }

        @Override
        public void close() throws IOException {
            delegate.close();
        }
    }
}
