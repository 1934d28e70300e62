package dev.logs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;

/**
 * Reads a file's lines from the end towards the start, a block at a time, so that the last
 * lines of a large log cost a few blocks of I/O instead of the whole file. Holds at most one
 * line plus one block in memory.
 */
final class BackwardLineReader {
    static final int BLOCK_SIZE = 64 * 1024;

    private final SeekableByteChannel channel;
    /** File bytes {@code [windowStart, windowStart + windowLength)}; the unread part ends at {@code lineEnd}. */
    private byte[] window = new byte[BLOCK_SIZE];
    private long windowStart;
    private int windowLength;
    /** End (exclusive) of the next line to return; -1 once the start of the file was returned. */
    private long lineEnd;
    private long lastLineStart;
    private final boolean endsWithPartialLine;

    /** Reads lines that end at or before {@code end} (the file size, usually). */
    BackwardLineReader(SeekableByteChannel channel, long end) throws IOException {
        this.channel = channel;
        this.windowStart = end;
        this.lineEnd = end;
        if (end == 0) {
            lineEnd = -1;
            endsWithPartialLine = false;
        } else {
            load();
            endsWithPartialLine = window[windowLength - 1] != '\n';
            if (!endsWithPartialLine) {
                lineEnd = end - 1; // the final LF ends the last line; nothing follows it
            }
        }
    }

    /** True when the last bytes before {@code end} are not followed by a LF (a line still being written). */
    boolean endsWithPartialLine() {
        return endsWithPartialLine;
    }

    /** File offset where the line last returned by {@link #previous()} starts. */
    long lastLineStart() {
        return lastLineStart;
    }

    /** The line before the one returned last (without its LF), or null at the start of the file. */
    String previous() throws IOException {
        if (lineEnd < 0) {
            return null;
        }
        while (true) {
            int end = (int) (lineEnd - windowStart);
            for (int i = end - 1; i >= 0; i--) {
                if (window[i] == '\n') {
                    return take(i + 1, end);
                }
            }
            if (windowStart == 0) {
                return take(0, end);
            }
            load();
        }
    }

    private String take(int from, int to) {
        lastLineStart = windowStart + from;
        lineEnd = lastLineStart - 1; // skip the LF that ends the line before
        return new String(window, from, to - from, StandardCharsets.UTF_8);
    }

    /** Prepends the block before {@code windowStart}, keeping only the unread bytes of the window. */
    private void load() throws IOException {
        int keep = (int) (lineEnd - windowStart);
        int block = (int) Math.min(BLOCK_SIZE, windowStart);
        if (keep + block > window.length) {
            byte[] bigger = new byte[keep + block];
            System.arraycopy(window, 0, bigger, block, keep);
            window = bigger;
        } else {
            System.arraycopy(window, 0, window, block, keep);
        }
        long readFrom = windowStart - block;
        ByteBuffer target = ByteBuffer.wrap(window, 0, block);
        channel.position(readFrom);
        while (target.hasRemaining()) {
            if (channel.read(target) < 0) {
                throw new IOException("file shrank while it was being read backwards");
            }
        }
        windowStart = readFrom;
        windowLength = block + keep;
    }
}
