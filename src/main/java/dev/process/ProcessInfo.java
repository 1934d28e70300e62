package dev.process;

import java.time.Instant;

/**
 * One process as the operating system reports it.
 *
 * @param sid         session id, or -1 where the platform cannot tell (macOS {@code ps} has no session id)
 * @param state       the kernel state letter ({@code R}, {@code S}, {@code D}, {@code T}, {@code Z} …)
 * @param commandLine the arguments joined by spaces; for a process without arguments (a zombie, a kernel
 *                    thread) its name in brackets
 */
public record ProcessInfo(long pid, long ppid, long pgid, long sid, char state, Instant startTime,
                          String commandLine) {

    /** Exited but not yet reaped by its parent: not running, cannot be signalled usefully. */
    public boolean zombie() {
        return state == 'Z' || state == 'X';
    }

    public ProcessIdentity identity() {
        return new ProcessIdentity(pid, startTime);
    }
}
