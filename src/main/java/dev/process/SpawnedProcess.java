package dev.process;

import java.io.InputStream;
import java.time.Instant;

/**
 * A process started by {@link ProcessPlatform#spawn}. It leads its own session and process group, so
 * {@code pgid == pid}; signalling {@code pgid} reaches everything it started that did not leave the group.
 *
 * @param startTime the kernel's start time for {@code pid}, as {@link ProcessPlatform#startTime} reports it;
 *                  record it with the pid as a {@link ProcessIdentity} (the PID-reuse guard)
 * @param stdout    the process's standard output (a pipe); the caller must drain it
 * @param stderr    the process's standard error (a separate pipe); the caller must drain it
 */
public record SpawnedProcess(long pid, long pgid, Instant startTime, Process process, InputStream stdout,
                             InputStream stderr) {

    public ProcessIdentity identity() {
        return new ProcessIdentity(pid, startTime);
    }
}
