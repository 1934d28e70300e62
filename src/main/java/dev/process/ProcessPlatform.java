package dev.process;

import dev.config.Signal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The operating-system process mechanics dev needs, with no orchestration policy: spawn a command in its own
 * session, signal a process group, tell whether a group still has live members, identify a process by pid and
 * start time, find who holds a port, and find processes by an environment marker.
 *
 * <p>Two implementations, chosen once by {@link #current()}:
 * <ul>
 *   <li>Linux reads {@code /proc} directly and spawns through util-linux {@code setsid(1)}.</li>
 *   <li>macOS has neither: it spawns through {@code perl -MPOSIX -e 'POSIX::setsid(); exec @ARGV'} (perl ships
 *   with macOS), lists processes with {@code ps}, finds port holders with {@code lsof}, and can see other
 *   processes' environments only as far as {@code ps -E} shows them (see {@link #processesWithEnv}).</li>
 * </ul>
 *
 * <p>Zombies (exited, not yet reaped) count as gone everywhere in this interface: they hold no resources a user
 * cares about and cannot be signalled usefully, and PID 1 may take its time to reap re-parented ones.
 *
 * <p>All methods are thread-safe. The ones that inspect processes are snapshots: a process can start or exit
 * right after they return.
 */
public interface ProcessPlatform {

    /** The implementation for the running operating system, chosen on first use. */
    static ProcessPlatform current() {
        return Platforms.CURRENT;
    }

    /**
     * Runs {@code spec.command()} through {@code /bin/sh -c} as the leader of a new session and process group
     * ({@code pid == pgid == sid}), in {@code spec.cwd()}, with exactly {@code spec.env()} as environment, stdin
     * from {@code /dev/null} and stdout and stderr as two separate pipes. Returns once the process leads its own
     * group, so a group signal sent right after this returns cannot miss it. The caller must drain both pipes
     * (a full pipe blocks the service) and owns the {@link Process}; the JDK reaps it when it exits.
     *
     * @throws SpawnException with the problem found by {@link SpawnPreflight#check} before anything is started,
     *                        or {@link SpawnProblem.Kind#SPAWN_ERROR} when the operating system refuses
     */
    SpawnedProcess spawn(SpawnSpec spec) throws SpawnException;

    /**
     * Sends {@code signal} to every process in group {@code pgid}. This is mechanics only: a pgid read from a
     * record (state file) must first be checked with {@link #matches} against the leader's recorded identity.
     *
     * @return false when there is no such group (or it may not be signalled by this user); a group whose members
     *         are all zombies still exists for kill(2), so this returns true for it — use {@link #groupEmpty}
     * @throws IllegalArgumentException for {@code pgid <= 1}, which kill(2) would read as "every process"
     */
    boolean signalGroup(long pgid, Signal signal);

    /**
     * {@link #signalGroup} followed by SIGCONT, so a stopped (Ctrl-Z'd, traced) member wakes up to handle the
     * signal. Platforms that signal through a helper program send both with one.
     *
     * @return whether {@code signal} was delivered (the SIGCONT's outcome does not count)
     */
    default boolean signalGroupThenContinue(long pgid, Signal signal) {
        boolean sent = signalGroup(pgid, signal);
        signalGroup(pgid, Signal.CONT);
        return sent;
    }

    /**
     * Sends {@code signal} to one process.
     *
     * @return false when there is no such process (or it may not be signalled by this user)
     * @throws IllegalArgumentException for {@code pid <= 1}
     */
    boolean signalProcess(long pid, Signal signal);

    /** The live (non-zombie) members of process group {@code pgid}, in pid order. */
    List<ProcessInfo> groupMembers(long pgid);

    /** True when group {@code pgid} has no live member (zombies do not count). */
    boolean groupEmpty(long pgid);

    /** The process with this pid, zombie or not; empty when there is none. */
    Optional<ProcessInfo> info(long pid);

    /** The start time of the process with this pid; empty when there is none. */
    Optional<Instant> startTime(long pid);

    /**
     * The PID-reuse guard: true only if {@code id.pid()} is a live, non-zombie process whose start time is the
     * recorded one. Each platform defines "the same" at its clock's granularity; a process started later on a
     * reused pid never matches. Nothing may be signalled on the strength of a pid alone.
     */
    boolean matches(ProcessIdentity id);

    /**
     * The process listening on TCP {@code port} on any local address (IPv4 or IPv6); empty when no visible
     * listener exists. Where the kernel shows a listener but not its owner (another user's process on Linux),
     * the holder's pid is {@link PortHolder#UNKNOWN_PID}.
     */
    Optional<PortHolder> portHolder(int port);

    /**
     * Whether a server could listen on {@code port}: binding it succeeds on 127.0.0.1 and on the wildcard
     * address, so a listener on either counts as "in use".
     */
    default boolean portFree(int port) {
        return PortProbe.free(port);
    }

    /** A port the kernel just handed out as free on 127.0.0.1 (bind to port 0); free-now, not reserved. */
    default int freePort() {
        return PortProbe.freePort();
    }

    /**
     * Live processes whose environment (as it was when they started) contains {@code key=value}: how dev finds
     * processes that left their group and session (double-forked daemons) through the run marker it sets.
     * Linux reads {@code /proc/PID/environ}, which shows every process of the same user. macOS can only parse
     * {@code ps -E} output, which lists the environment of the user's own processes and is truncated for very
     * long environments; where it shows nothing the result is empty.
     */
    List<ProcessInfo> processesWithEnv(String key, String value);

    /**
     * The argv that runs {@code argv} in a new session and process group (setsid(1) on Linux, a
     * perl one-liner on macOS), for helpers that need their own stdin such as dev's watchdog.
     *
     * @throws IllegalStateException when neither setsid nor perl is installed
     */
    static List<String> inNewSession(List<String> argv) {
        SessionLauncher launcher = SessionLauncher.detect()
                .orElseThrow(() -> new IllegalStateException("neither setsid nor perl is installed"));
        List<String> full = new java.util.ArrayList<>(launcher.prefix());
        full.addAll(argv);
        return full;
    }

    /**
     * The argv that starts {@code argv} in a new session as a process that is <em>not</em> the caller's child: it
     * writes the new process's pid to {@code pidFile} (atomically: a temporary file renamed into place) and exits
     * at once, leaving {@code argv} running with stdin from /dev/null and stdout and stderr appended to
     * {@code output}. For a JVM that starts a long-lived process and then exits: a child it spawned itself would
     * keep the JDK's reaper thread blocked in waitpid(2), and the JVM's exit waits up to 300 ms for threads in
     * native code. (A file, not the command's stdout: the JDK drains and closes a child's stdout as soon as the
     * child exits, which here is before the detached process has written anything.)
     *
     * @throws IllegalStateException when neither setsid nor perl is installed
     */
    static List<String> detachedInNewSession(List<String> argv, java.nio.file.Path output, java.nio.file.Path pidFile) {
        SessionLauncher launcher = SessionLauncher.detect()
                .orElseThrow(() -> new IllegalStateException("neither setsid nor perl is installed"));
        List<String> full = new java.util.ArrayList<>(launcher.forkingPrefix());
        full.addAll(List.of("/bin/sh", "-c", "out=$1; pidfile=$2; shift 2; echo \"$$\" >\"$pidfile.tmp\" && "
                + "mv -f \"$pidfile.tmp\" \"$pidfile\" && exec \"$@\" </dev/null >>\"$out\" 2>&1",
                "dev-detach", output.toString(), pidFile.toString()));
        full.addAll(argv);
        return full;
    }
}
