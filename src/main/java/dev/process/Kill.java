package dev.process;

import dev.config.Signal;

import java.util.List;

/**
 * Sends signals through the shell's {@code kill} builtin — the JDK can only send TERM and KILL, and only to
 * single processes. {@code kill -s NAME -- -PGID} is POSIX and behaves the same in dash, bash and zsh on Linux and
 * macOS; signal names (not numbers, which differ between the two) are passed as arguments, never interpolated.
 */
final class Kill {
    private static final String SCRIPT = "kill -s \"$1\" -- \"$2\"";
    /** The signal, then SIGCONT whether or not the group is still there; exits with the first kill's status. */
    private static final String THEN_CONTINUE = "kill -s \"$1\" -- \"$2\"; status=$?; "
            + "kill -s CONT -- \"$2\" 2>/dev/null; exit $status";

    private Kill() {
    }

    static boolean group(long pgid, Signal signal) {
        requireSafeTarget(pgid, "process group");
        return send(signal, "-" + pgid);
    }

    /**
     * {@code signal} then SIGCONT to group {@code pgid}, in one shell: a stop sends both to every service, and
     * starting a process costs a few milliseconds of CPU each, which adds up when many services stop at once.
     */
    static boolean groupThenContinue(long pgid, Signal signal) {
        requireSafeTarget(pgid, "process group");
        return ExternalCommand.run(List.of("/bin/sh", "-c", THEN_CONTINUE, "kill", signal.name(), "-" + pgid))
                .succeeded();
    }

    static boolean process(long pid, Signal signal) {
        requireSafeTarget(pid, "pid");
        return send(signal, Long.toString(pid));
    }

    private static boolean send(Signal signal, String target) {
        return ExternalCommand.run(List.of("/bin/sh", "-c", SCRIPT, "kill", signal.name(), target)).succeeded();
    }

    /** kill(2) reads 0 as "my group", -1 as "every process I may signal" and 1 is init: never a service. */
    private static void requireSafeTarget(long id, String what) {
        if (id <= 1) {
            throw new IllegalArgumentException("refusing to signal " + what + " " + id);
        }
    }
}
