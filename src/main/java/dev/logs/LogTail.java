package dev.logs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The last lines of a service's log, read backwards from the end ({@link BackwardLineReader}),
 * continuing into {@code NAME.log.1}, {@code .2}, … when the current file holds fewer. The cost
 * is proportional to what is returned, not to the size of the logs.
 */
public final class LogTail {
    /** Opens a file for reading; a seam so tests can count the bytes a tail reads. */
    interface ChannelOpener {
        SeekableByteChannel open(Path file) throws IOException;
    }

    /**
     * @param records matching records, oldest first
     * @param end     where the current file ended when it was read: hand it to
     *                {@link LogFollower} to continue without a gap or a repeated line
     */
    public record Result(List<LogRecord> records, LogPosition end) {
        public Result {
            records = List.copyOf(records);
        }
    }

    private LogTail() {
    }

    /** The last {@code n} records of {@code service}, oldest first (fewer when the logs hold fewer). */
    public static List<LogRecord> last(Path logsDir, String service, int n) {
        return read(logsDir, service, n, LogFilter.NONE).records();
    }

    /**
     * The last {@code n} records that match {@code filter}, oldest first. Reading stops at the
     * first record older than {@code filter.since()}: logs are written in time order.
     *
     * @param n {@link Integer#MAX_VALUE} for all of them
     */
    public static Result read(Path logsDir, String service, int n, LogFilter filter) {
        return read(new LogFiles(logsDir, service), n, filter,
                file -> FileChannel.open(file, StandardOpenOption.READ));
    }

    static Result read(LogFiles files, int n, LogFilter filter, ChannelOpener opener) {
        if (n < 0) {
            throw new IllegalArgumentException("line count must not be negative, got " + n);
        }
        List<LogRecord> newestFirst = new ArrayList<>();
        LogPosition end = LogPosition.BEGINNING;
        try {
            boolean first = true;
            for (Path file : files.newestFirst()) {
                boolean current = first && file.equals(files.current());
                first = false;
                Scan scan = scan(file, current, n - newestFirst.size(), filter, opener, newestFirst);
                if (current && scan.end != null) {
                    end = scan.end;
                }
                if (scan.done || newestFirst.size() >= n) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the log of " + files.service() + ": " + e.getMessage(), e);
        }
        Collections.reverse(newestFirst);
        return new Result(newestFirst, end);
    }

    private record Scan(LogPosition end, boolean done) {
    }

    private static Scan scan(Path file, boolean current, int wanted, LogFilter filter, ChannelOpener opener,
                             List<LogRecord> into) throws IOException {
        try (SeekableByteChannel channel = opener.open(file)) {
            long size = channel.size();
            BackwardLineReader reader = new BackwardLineReader(channel, size);
            LogPosition end = null;
            if (current) {
                long endOffset = size;
                if (reader.endsWithPartialLine()) {
                    // A record still being written: leave it to the follower rather than show half of it.
                    reader.previous();
                    endOffset = reader.lastLineStart();
                }
                end = new LogPosition(fileKey(file), endOffset);
            }
            int found = 0;
            String line;
            while (found < wanted && (line = reader.previous()) != null) {
                LogRecord record = LogFileFormat.parseOrNull(line);
                if (record == null) {
                    continue;
                }
                if (filter.since() != null && record.time().isBefore(filter.since())) {
                    return new Scan(end, true);
                }
                if (filter.matches(record)) {
                    into.add(record);
                    found++;
                }
            }
            return new Scan(end, false);
        } catch (NoSuchFileException e) {
            return new Scan(null, false); // rotated away between listing and opening
        }
    }

    private static Object fileKey(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    }
}
