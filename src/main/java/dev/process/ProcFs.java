package dev.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads Linux {@code /proc}. Every read tolerates the process vanishing mid-way (its directory disappears) or
 * being another user's (permission denied): such a process is skipped, never an error.
 */
final class ProcFs {
    private final Path root;
    private final long bootEpochMillis;
    private final long ticksPerSecond;

    /**
     * @param ticksPerSecond the kernel's USER_HZ ({@code getconf CLK_TCK}), the unit of stat's start time
     */
    ProcFs(Path root, long ticksPerSecond) {
        this.root = root;
        this.ticksPerSecond = ticksPerSecond;
        // Read once: readings within this JVM then never disagree; see StartTimes for why others may by 1 s.
        this.bootEpochMillis = readBootTime(root) * 1000;
    }

    Duration tick() {
        return Duration.ofNanos(1_000_000_000L / ticksPerSecond);
    }

    Optional<ProcStat> stat(long pid) {
        return read(root.resolve(Long.toString(pid)).resolve("stat")).flatMap(ProcStat::parse);
    }

    /** Every process's stat, zombies included, in pid order. */
    List<ProcStat> allStats() {
        List<ProcStat> stats = new ArrayList<>();
        for (long pid : pids()) {
            stat(pid).ifPresent(stats::add);
        }
        return stats;
    }

    List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
                    pids.add(Long.parseLong(name));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + root, e);
        }
        pids.sort(null);
        return pids;
    }

    Instant startTime(ProcStat stat) {
        return Instant.ofEpochMilli(bootEpochMillis + stat.startTicks() * 1000 / ticksPerSecond);
    }

    ProcessInfo info(ProcStat stat) {
        return new ProcessInfo(stat.pid(), stat.ppid(), stat.pgrp(), stat.session(), stat.state(),
                startTime(stat), commandLine(stat));
    }

    /** The NUL-separated {@code cmdline} joined by spaces; {@code [comm]} when it is empty (zombies, kernel). */
    String commandLine(ProcStat stat) {
        Optional<byte[]> raw = readBytes(root.resolve(Long.toString(stat.pid())).resolve("cmdline"));
        String joined = raw.map(bytes -> new String(bytes, StandardCharsets.UTF_8).replace('\0', ' ').strip())
                .orElse("");
        return joined.isEmpty() ? "[" + stat.comm() + "]" : joined;
    }

    /** What {@code /proc/PID/environ} said about one entry. */
    enum EnvironMatch {
        CONTAINS,
        LACKS,
        /**
         * Not a whole environment: empty or cut short (a complete one ends with the NUL of its last entry). A
         * kernel thread or a process started with no environment reads empty; one caught in the middle of an
         * {@code execve} reads empty or as a few bytes of its new environment (measured here: 10% and 0.6% of
         * reads of a process that does nothing but exec). Worth another look. (A file that cannot be read at all,
         * another user's process, {@link #LACKS} the entry as far as dev can know.)
         */
        INCOMPLETE
    }

    /** Whether {@code pid}'s environment at exec contained exactly the entry {@code entry} ({@code KEY=VALUE}). */
    EnvironMatch environContains(long pid, byte[] entry) {
        Optional<byte[]> environ = readBytes(root.resolve(Long.toString(pid)).resolve("environ"));
        if (environ.isEmpty()) {
            return EnvironMatch.LACKS;
        }
        byte[] bytes = environ.get();
        if (bytes.length == 0 || bytes[bytes.length - 1] != 0) {
            return EnvironMatch.INCOMPLETE;
        }
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == 0) {
                if (Arrays.equals(bytes, start, i, entry, 0, entry.length)) {
                    return EnvironMatch.CONTAINS;
                }
                start = i + 1;
            }
        }
        return EnvironMatch.LACKS;
    }

    /** Whether one of {@code pid}'s open file descriptors is one of these sockets. */
    boolean holdsSocket(long pid, Set<Long> inodes) {
        Path fds = root.resolve(Long.toString(pid)).resolve("fd");
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(fds)) {
            for (Path fd : entries) {
                if (inodes.contains(socketInode(fd))) {
                    return true;
                }
            }
        } catch (IOException | SecurityException e) {
            return false; // gone, or another user's
        }
        return false;
    }

    /** A file under the proc root, e.g. {@code net/tcp}; empty if it does not exist. */
    Optional<String> read(String relative) {
        return read(root.resolve(relative));
    }

    private static Optional<String> read(Path file) {
        return readBytes(file).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    private static long socketInode(Path fd) {
        try {
            String target = Files.readSymbolicLink(fd).toString();
            if (target.startsWith("socket:[") && target.endsWith("]")) {
                return Long.parseLong(target.substring("socket:[".length(), target.length() - 1));
            }
        } catch (IOException | NumberFormatException e) {
            // closed meanwhile, or not a socket link
        }
        return -1;
    }

    private static Optional<byte[]> readBytes(Path file) {
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static long readBootTime(Path root) {
        try {
            for (String line : Files.readAllLines(root.resolve("stat"))) {
                if (line.startsWith("btime ")) {
                    return Long.parseLong(line.substring("btime ".length()).trim());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + root.resolve("stat"), e);
        }
        throw new IllegalStateException("no btime in " + root.resolve("stat"));
    }
}
