package dev.logs;

/**
 * A place in a service's log to continue reading from: the identity of the file (its
 * {@link java.nio.file.attribute.BasicFileAttributes#fileKey() file key}, the inode on Linux and
 * macOS, so that a position survives the file being renamed to {@code NAME.log.1}) and a byte
 * offset in it, always at the start of a line.
 *
 * @param fileKey null when there was no file yet: start at the beginning of whatever file appears
 */
public record LogPosition(Object fileKey, long offset) {
    /** The start of whatever file is (or will be) there. */
    public static final LogPosition BEGINNING = new LogPosition(null, 0);

    public LogPosition {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, got " + offset);
        }
    }
}
