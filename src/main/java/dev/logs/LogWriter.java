package dev.logs;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Appends one service's records to {@code NAME.log} in {@link LogFileFormat}, rotating by size:
 * when the next record would push the file past {@code maxSize}, {@code NAME.log.(N-1)} becomes
 * {@code NAME.log.N} (the old {@code .N} is dropped), …, {@code NAME.log} becomes
 * {@code NAME.log.1}, and a fresh {@code NAME.log} is started.
 *
 * <p>Writes go to an in-memory buffer that is written out when full, at most
 * {@link #FLUSH_DELAY_MILLIS} after the first unflushed write (by the shared {@link LogTimer}),
 * and on {@link #flush()}/{@link #close()}. Buffering is what lets capture keep up with a
 * service that floods its output; the delayed flush is what lets {@code dev logs -f} see a line
 * within 100 ms. Thread-safe: a service's stdout and stderr pumps share one writer.
 *
 * <p>Opening an existing file appends to it, so a restarted service keeps its history; callers
 * write a {@link #marker(String)} at each start.
 */
public final class LogWriter implements Closeable {
    static final long FLUSH_DELAY_MILLIS = 25;
    /**
     * The buffer starts small and doubles up to {@link #MAX_BUFFER_SIZE} only when a service fills
     * it between two timed flushes: most services print a few lines a second, and a quarter of a
     * megabyte each, up front, was most of an idle orchestrator's heap (bench/ANALYSIS.md).
     */
    static final int INITIAL_BUFFER_SIZE = 8 * 1024;
    static final int MAX_BUFFER_SIZE = 256 * 1024;
    private static final byte[][] STREAM_TAGS = streamTags();

    private final Path file;
    private final long maxSize;
    private final int maxFiles;
    private final ReentrantLock lock = new ReentrantLock();
    // Everything below is guarded by lock.
    private final LogTimestamps timestamps = new LogTimestamps();
    private byte[] buffer = new byte[INITIAL_BUFFER_SIZE];
    private int buffered;
    private FileChannel channel;
    /** Bytes in the current file, counting those still in the buffer. */
    private long size;
    private boolean flushArmed;
    private boolean closed;
    private IOException backgroundFailure;

    /**
     * @param maxSize  rotate before a record would make the current file larger than this
     *                 (a single record larger than maxSize still goes into a file of its own)
     * @param maxFiles rotated files to keep besides the current one; 0 keeps none
     */
    public LogWriter(Path logFile, long maxSize, int maxFiles) throws IOException {
        if (maxSize <= 0) {
            throw new IllegalArgumentException("log max size must be positive, got " + maxSize);
        }
        if (maxFiles < 0) {
            throw new IllegalArgumentException("log max files must not be negative, got " + maxFiles);
        }
        this.file = logFile;
        this.maxSize = maxSize;
        this.maxFiles = maxFiles;
        Path parent = logFile.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        openCurrent();
    }

    public Path file() {
        return file;
    }

    /** The text of a marker record: {@code --- started (pid 42) ---}. */
    static String markerText(String text) {
        return "--- " + text + " ---";
    }

    /** Writes a {@code dev} record {@code --- text ---} stamped now, e.g. at each (re)start. */
    public void marker(String text) {
        write(Instant.now(), LogRecord.Stream.DEV, markerText(text));
    }

    public void write(LogRecord record) {
        write(record.time(), record.stream(), record.text());
    }

    /**
     * Appends a record. Text holding line breaks becomes one record per line (the file format
     * has no quoting). Throws {@link UncheckedIOException} when the file cannot be written, or
     * to report a failure of an earlier background flush.
     */
    public void write(Instant time, LogRecord.Stream stream, String text) {
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            for (String line : text.split("\r\n|\r|\n", -1)) {
                append(time, stream, line.getBytes(StandardCharsets.UTF_8));
            }
            return;
        }
        // Encoded outside the lock so a service's two pumps overlap their encoding work.
        append(time, stream, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Appends the plain bytes of a line a pump split out ({@link SplitLine#plainArray()}), without decoding
     * them: only for pure ASCII text, which is its own UTF-8, and never holding a line break (the splitter's
     * lines cannot).
     */
    public void writeAscii(Instant time, LogRecord.Stream stream, byte[] text, int offset, int length) {
        append(time, stream, text, offset, length);
    }

    private void append(Instant time, LogRecord.Stream stream, byte[] text) {
        append(time, stream, text, 0, text.length);
    }

    private void append(Instant time, LogRecord.Stream stream, byte[] text, int offset, int length) {
        int recordLength = LogFileFormat.PREFIX_LENGTH + length + 1;
        IOException earlier;
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("log writer for " + file + " is closed");
            }
            if (size > 0 && size + recordLength > maxSize) {
                flushBuffer();
                rotate();
            }
            if (recordLength > buffer.length - buffered) {
                growOrFlush(recordLength);
            }
            timestamps.format(time, buffer, buffered);
            buffered += LogTimestamps.LENGTH;
            byte[] tag = STREAM_TAGS[stream.ordinal()];
            System.arraycopy(tag, 0, buffer, buffered, tag.length);
            buffered += tag.length;
            if (length < buffer.length - buffered) {
                System.arraycopy(text, offset, buffer, buffered, length);
                buffered += length;
            } else {
                // A record longer than the buffer (lines are up to 1 MiB) goes straight to the file.
                flushBuffer();
                writeFully(ByteBuffer.wrap(text, offset, length));
            }
            buffer[buffered++] = '\n';
            size += recordLength;
            armFlush();
            earlier = backgroundFailure;
            backgroundFailure = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write log file " + file + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
        if (earlier != null) {
            throw new UncheckedIOException("cannot write log file " + file + ": " + earlier.getMessage(), earlier);
        }
    }

    /** Writes buffered records to the file now. */
    public void flush() throws IOException {
        lock.lock();
        try {
            if (!closed) {
                flushBuffer();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Flushes and closes the file. Idempotent; later writes throw IllegalStateException. */
    @Override
    public void close() throws IOException {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try {
                flushBuffer();
            } finally {
                channel.close();
            }
        } finally {
            lock.unlock();
        }
    }

    private void armFlush() {
        if (!flushArmed) {
            flushArmed = true;
            LogTimer.schedule(this::timedFlush, TimeUnit.MILLISECONDS.toNanos(FLUSH_DELAY_MILLIS));
        }
    }

    private void timedFlush() {
        lock.lock();
        try {
            flushArmed = false;
            if (!closed) {
                flushBuffer();
            }
        } catch (IOException e) {
            backgroundFailure = e;
        } finally {
            lock.unlock();
        }
    }

    /** Makes room for a record: a bigger buffer while it may still grow, else a write to the file. */
    private void growOrFlush(int recordLength) throws IOException {
        if (buffer.length < MAX_BUFFER_SIZE) {
            int length = buffer.length;
            while (length < MAX_BUFFER_SIZE && recordLength > length - buffered) {
                length *= 2;
            }
            buffer = java.util.Arrays.copyOf(buffer, Math.min(length, MAX_BUFFER_SIZE));
        }
        if (recordLength > buffer.length - buffered) {
            flushBuffer();
        }
    }

    /** The buffer's current capacity; for tests of its growth. */
    int bufferCapacity() {
        lock.lock();
        try {
            return buffer.length;
        } finally {
            lock.unlock();
        }
    }

    private void flushBuffer() throws IOException {
        if (buffered == 0) {
            return;
        }
        try {
            writeFully(ByteBuffer.wrap(buffer, 0, buffered));
        } finally {
            // On failure (disk full) the buffered records are lost rather than retried forever:
            // holding them would only grow memory while the service keeps printing.
            buffered = 0;
        }
    }

    private void writeFully(ByteBuffer data) throws IOException {
        while (data.hasRemaining()) {
            channel.write(data);
        }
    }

    private void rotate() throws IOException {
        channel.close();
        if (maxFiles == 0) {
            Files.deleteIfExists(file);
        } else {
            Files.deleteIfExists(LogFiles.rotated(file, maxFiles));
            for (int i = maxFiles - 1; i >= 1; i--) {
                Path from = LogFiles.rotated(file, i);
                if (Files.exists(from)) {
                    Files.move(from, LogFiles.rotated(file, i + 1), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.move(file, LogFiles.rotated(file, 1), StandardCopyOption.REPLACE_EXISTING);
        }
        openCurrent();
    }

    private void openCurrent() throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        size = channel.size();
        if (size > 0 && !endsWithNewline()) {
            // A crash mid-write left a torn record; end it so the next record starts on its own line.
            buffer[buffered++] = '\n';
            size++;
        }
    }

    private boolean endsWithNewline() throws IOException {
        try (FileChannel reader = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            return reader.read(last, size - 1) == 1 && last.get(0) == '\n';
        }
    }

    private static byte[][] streamTags() {
        LogRecord.Stream[] streams = LogRecord.Stream.values();
        byte[][] tags = new byte[streams.length][];
        for (LogRecord.Stream s : streams) {
            tags[s.ordinal()] = (' ' + s.tag() + ' ').getBytes(StandardCharsets.US_ASCII);
        }
        return tags;
    }
}
