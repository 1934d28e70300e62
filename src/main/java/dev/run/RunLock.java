package dev.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The orchestrator's lock on {@code .dev/lock}: an OS file lock (fcntl), so it vanishes with its
 * owner however that owner dies, and two starts racing for it cannot both win. The file's content
 * describes the owner for other commands; it is advisory, the lock is the truth.
 *
 * <p>POSIX drops every lock a process holds on a file as soon as that process closes <em>any</em>
 * descriptor of the file. So within the holding JVM the file is never opened again: reads, probes
 * and further acquires of a lock held here are answered from memory, and every open of a lock file
 * happens under one monitor so none can slip in while a lock is being taken.
 */
public final class RunLock implements AutoCloseable {
    private static final Object FILES = new Object();
    /** Locks this JVM holds, by normalized absolute path, with the owner record written into each. */
    private static final Map<Path, LockInfo> HELD = new HashMap<>();

    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(Path key, FileChannel channel, FileLock lock) {
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock and writes {@code info} into it; empty when another process (or this one) holds it. */
    public static Optional<RunLock> tryAcquire(Path lockFile, LockInfo info) throws IOException {
        Path key = key(lockFile);
        synchronized (FILES) {
            if (HELD.containsKey(key)) {
                return Optional.empty();
            }
            FileChannel channel = FileChannel.open(lockFile, java.util.Set.of(StandardOpenOption.CREATE,
                    StandardOpenOption.READ, StandardOpenOption.WRITE), RunDirectory.OWNER_ONLY_FILE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held through another path to the same file
            }
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            try {
                // The create-time permissions above do not apply to a file an older run left behind.
                Files.setPosixFilePermissions(lockFile, PosixFilePermissions.fromString("rw-------"));
                byte[] bytes = Json.writePretty(info.toJson()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(bytes), 0);
                channel.force(true);
            } catch (IOException e) {
                lock.release();
                channel.close();
                throw e;
            }
            HELD.put(key, info);
            return Optional.of(new RunLock(key, channel, lock));
        }
    }

    /** Whether some process holds the lock right now (probing it briefly if nobody does). */
    public static boolean held(Path lockFile) throws IOException {
        synchronized (FILES) {
            return HELD.containsKey(key(lockFile)) || probe(lockFile);
        }
    }

    private static boolean probe(Path lockFile) throws IOException {
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock probe;
            try {
                probe = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                return true;
            }
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /**
     * The owner as the file describes it. Retries briefly, since a new owner may be mid-write.
     *
     * @throws IllegalArgumentException when the file exists but does not describe an owner
     */
    public static Optional<LockInfo> read(Path lockFile) throws IOException {
        IllegalArgumentException last = null;
        Path key = key(lockFile);
        for (int attempt = 0; attempt < 5; attempt++) {
            byte[] bytes;
            synchronized (FILES) {
                LockInfo mine = HELD.get(key);
                if (mine != null) {
                    return Optional.of(mine);
                }
                try {
                    bytes = Files.readAllBytes(lockFile);
                } catch (NoSuchFileException e) {
                    return Optional.empty();
                }
            }
            if (bytes.length == 0) {
                last = new IllegalArgumentException("the lock file is empty");
            } else {
                try {
                    return Optional.of(LockInfo.fromJson(Json.read(bytes)));
                } catch (IOException | RuntimeException e) {
                    last = new IllegalArgumentException("the lock file is not readable (" + Json.problem(e) + ")");
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw last;
    }

    @Override
    public void close() throws IOException {
        synchronized (FILES) {
            HELD.remove(key);
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }

    private static Path key(Path lockFile) {
        return lockFile.toAbsolutePath().normalize();
    }
}
