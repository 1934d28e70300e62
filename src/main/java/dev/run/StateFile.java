package dev.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * {@code .dev/state.json}, always replaced whole: written to a temp file, fsynced, renamed over the
 * old one, so a reader (or a crash) never sees half a state.
 */
public final class StateFile {
    private StateFile() {
    }

    public static void write(Path file, RunState state) throws IOException {
        byte[] bytes = Json.writePretty(StateJson.state(state)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temp); // so the owner-only permissions below apply to a fresh file
        try (FileChannel ch = FileChannel.open(temp, java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                RunDirectory.OWNER_ONLY_FILE)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * @return empty when there is no state file
     * @throws IllegalArgumentException when it exists but cannot be read, or is empty, truncated or
     *                                  not a state file: to the caller all of these mean "no usable record"
     */
    public static Optional<RunState> read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " cannot be read (" + reason(e) + ")");
        }
        if (bytes.length == 0) {
            throw new IllegalArgumentException(file + " is empty");
        }
        try {
            return Optional.of(StateJson.state(Json.read(bytes)));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(file + " is not a valid state file (" + Json.problem(e) + ")");
        }
    }

    public static void delete(Path file) throws IOException {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new IOException("cannot remove " + file + " (" + reason(e) + ")", e);
        }
    }

    /** The operating system's reason alone; the JDK's message for some of these is just the path. */
    private static String reason(IOException e) {
        if (e instanceof DirectoryNotEmptyException) {
            return "it is a directory";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
