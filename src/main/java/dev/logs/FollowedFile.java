package dev.logs;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Objects;

/**
 * One service's log as {@link LogFollower} sees it: an open file and how far it has been read.
 * Each {@link #poll} notices what happened to {@code NAME.log} since the last one:
 * <ul>
 *   <li>it does not exist (yet): wait, and start at its beginning when it appears;</li>
 *   <li>it is another file now (its file key changed: rotated, or deleted and recreated): finish
 *       the old file through the still-open channel, then switch to the new one from offset 0;</li>
 *   <li>it is shorter than the read position (truncated): start again at its beginning;</li>
 *   <li>otherwise: read the complete lines appended since.</li>
 * </ul>
 * Where the file system has no file keys, only truncation can be detected. Not thread-safe.
 */
final class FollowedFile implements Closeable {
    private final LogFiles files;
    private LogPosition start;
    private FileChannel channel;
    private Object fileKey;
    /** Offset of the first byte not yet returned; always the start of a line. */
    private long position;
    private byte[] buffer = new byte[64 * 1024];
    private boolean moreAvailable;

    FollowedFile(LogFiles files, LogPosition start) {
        this.files = files;
        this.start = Objects.requireNonNull(start, "start");
    }

    String service() {
        return files.service();
    }

    /** True when the last poll stopped at its byte budget with more to read. */
    boolean moreAvailable() {
        return moreAvailable;
    }

    /** Adds the complete records appended since the last poll (at most about {@code budget} bytes) to {@code into}. */
    void poll(int budget, List<LogRecord> into) throws IOException {
        moreAvailable = false;
        BasicFileAttributes now = attributes(files.current());
        if (channel != null) {
            boolean replaced = now == null || (fileKey != null && !fileKey.equals(now.fileKey()));
            if (replaced) {
                if (!readLines(budget, true, into)) {
                    moreAvailable = true;
                    return; // finish the old file before switching
                }
                closeChannel();
                start = LogPosition.BEGINNING;
            } else if (channel.size() < position) {
                position = 0; // truncated in place
            }
        }
        if (channel == null && (now == null || !open(now))) {
            return;
        }
        moreAvailable = !readLines(budget, false, into);
    }

    /** Opens the file {@code now} describes, honouring the start position; false if it changed meanwhile. */
    private boolean open(BasicFileAttributes now) throws IOException {
        Object startKey = start.fileKey();
        if (startKey != null && !startKey.equals(now.fileKey())) {
            // The position refers to a file that has since been rotated: finish it first.
            Path previous = files.rotated(1);
            BasicFileAttributes rotated = attributes(previous);
            if (rotated != null && startKey.equals(rotated.fileKey()) && openChecked(previous, rotated)) {
                position = Math.min(start.offset(), channel.size());
                start = LogPosition.BEGINNING;
                return true;
            }
            start = LogPosition.BEGINNING;
        }
        if (!openChecked(files.current(), now)) {
            return false;
        }
        position = startKey != null && startKey.equals(fileKey) && start.offset() <= channel.size()
                ? start.offset() : 0;
        start = LogPosition.BEGINNING;
        return true;
    }

    /** Opens {@code file} and checks it is still the file {@code expected} describes (no rename in between). */
    private boolean openChecked(Path file, BasicFileAttributes expected) throws IOException {
        FileChannel opened;
        try {
            opened = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            return false;
        }
        BasicFileAttributes after = attributes(file);
        if (after == null || !Objects.equals(after.fileKey(), expected.fileKey())) {
            opened.close();
            return false;
        }
        channel = opened;
        fileKey = after.fileKey();
        return true;
    }

    /**
     * Reads complete lines from {@code position}; with {@code finalRead} a trailing unterminated
     * line is returned too (the file will not grow any more). Returns false when it stopped
     * because the byte budget was used up, true when it caught up with the file.
     */
    private boolean readLines(int budget, boolean finalRead, List<LogRecord> into) throws IOException {
        long size = channel.size();
        while (position < size) {
            if (budget <= 0) {
                return false;
            }
            int length = (int) Math.min(size - position, buffer.length);
            ByteBuffer target = ByteBuffer.wrap(buffer, 0, length);
            while (target.hasRemaining() && channel.read(target, position + target.position()) >= 0) {
                // positional reads until the buffer is full or the file ends
            }
            int filled = target.position();
            int lineStart = 0;
            for (int i = 0; i < filled; i++) {
                if (buffer[i] == '\n') {
                    add(lineStart, i, into);
                    lineStart = i + 1;
                }
            }
            boolean reachedEnd = position + filled >= size;
            if (lineStart == 0 && !reachedEnd) {
                buffer = new byte[buffer.length * 2]; // a line longer than the buffer
                continue;
            }
            if (finalRead && reachedEnd && lineStart < filled) {
                add(lineStart, filled, into);
                lineStart = filled;
            }
            position += lineStart;
            budget -= lineStart;
            if (reachedEnd) {
                break; // what is left, if anything, is a line still being written
            }
        }
        if (buffer.length > 4 * 1024 * 1024) {
            buffer = new byte[64 * 1024];
        }
        return true;
    }

    private void add(int from, int to, List<LogRecord> into) {
        LogRecord record = LogFileFormat.parseOrNull(new String(buffer, from, to - from, StandardCharsets.UTF_8));
        if (record != null) {
            into.add(record);
        }
    }

    private static BasicFileAttributes attributes(Path file) throws IOException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private void closeChannel() throws IOException {
        FileChannel c = channel;
        channel = null;
        fileKey = null;
        position = 0;
        if (c != null) {
            c.close();
        }
    }

    @Override
    public void close() throws IOException {
        closeChannel();
    }
}
