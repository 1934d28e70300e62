package dev.health;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Merged stdout/stderr of an exec probe, of which only the last {@value #TAIL_BYTES} bytes matter.
 *
 * <p>Output goes to a private temp file opened in append mode rather than a pipe: a pipe needs a
 * reader thread, and that thread blocks forever if anything the probe started keeps the pipe
 * open. The file is kept small while the probe runs ({@link #bound()}): past
 * {@value #MAX_FILE_BYTES} bytes its tail is remembered and the file truncated, which append-mode
 * writers simply continue after.
 */
final class CapturedOutput implements AutoCloseable {
    static final int TAIL_BYTES = 4096;
    static final long MAX_FILE_BYTES = 1 << 20;

    private final Path file;
    /** Tail saved by the last truncation, prepended when the file holds less than a tail. */
    private byte[] carried = new byte[0];

    private CapturedOutput(Path file) {
        this.file = file;
    }

    static CapturedOutput create() throws IOException {
        return new CapturedOutput(Files.createTempFile("dev-health-", ".out"));
    }

    ProcessBuilder.Redirect redirect() {
        return ProcessBuilder.Redirect.appendTo(file.toFile());
    }

    /** Truncates the file, keeping its tail in memory, once it has grown past the limit. */
    void bound() throws IOException {
        if (Files.size(file) <= MAX_FILE_BYTES) {
            return;
        }
        carried = tail();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(0);
        }
    }

    /** The last line of output with visible content, cleaned for display; "" if none. */
    String lastLine() throws IOException {
        byte[] recent = tail();
        byte[] joined = recent;
        if (recent.length < TAIL_BYTES && carried.length > 0) {
            int keep = Math.min(carried.length, TAIL_BYTES - recent.length);
            joined = new byte[keep + recent.length];
            System.arraycopy(carried, carried.length - keep, joined, 0, keep);
            System.arraycopy(recent, 0, joined, keep, recent.length);
        }
        return Text.lastLine(new String(joined, StandardCharsets.UTF_8), 200);
    }

    private byte[] tail() throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            int n = (int) Math.min(length, TAIL_BYTES);
            byte[] bytes = new byte[n];
            raf.seek(length - n);
            raf.readFully(bytes);
            return bytes;
        }
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }
}
