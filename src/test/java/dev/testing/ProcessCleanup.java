package dev.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects what a test started — process groups, single pids, pid files written by daemons — and SIGKILLs all of
 * it on {@link #close()}; use it in {@code @AfterEach}. Pid files are read at clean-up time, so a daemon whose
 * pid was only written late is still found.
 */
public final class ProcessCleanup implements AutoCloseable {
    private final List<Long> groups = new ArrayList<>();
    private final List<Long> pids = new ArrayList<>();
    private final List<Path> pidfiles = new ArrayList<>();

    public synchronized long group(long pgid) {
        groups.add(pgid);
        return pgid;
    }

    public synchronized long pid(long pid) {
        pids.add(pid);
        return pid;
    }

    public synchronized Path pidfile(Path file) {
        pidfiles.add(file);
        return file;
    }

    @Override
    public synchronized void close() {
        groups.forEach(Processes::killGroupQuietly);
        pids.forEach(Processes::killQuietly);
        for (Path file : pidfiles) {
            try {
                String text = Files.readString(file).trim();
                if (!text.isEmpty()) {
                    Processes.killQuietly(Long.parseLong(text));
                }
            } catch (IOException | NumberFormatException e) {
                // never written: nothing was started
            }
        }
        groups.clear();
        pids.clear();
        pidfiles.clear();
    }
}
