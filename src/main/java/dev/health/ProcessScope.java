package dev.health;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How an exec probe's processes are kept together and killed: the one platform difference of
 * this package, chosen once per JVM by {@link #CURRENT}.
 */
sealed interface ProcessScope permits ProcessScope.Session, ProcessScope.Tree {
    ProcessScope CURRENT = detect();

    /** The argv that runs {@code shellCommand} through {@code /bin/sh -c} inside this scope. */
    List<String> command(String shellCommand);

    /**
     * Kills whatever the probe started and is still running, without waiting for it to die.
     * Safe to call after the shell has exited (then it catches leftover background children).
     */
    void killAll(Process shell);

    private static ProcessScope detect() {
        Path standard = Path.of("/usr/bin/setsid");
        if (Files.isExecutable(standard)) {
            return new Session(standard);
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "setsid"))) {
                    return new Session(Path.of(dir, "setsid"));
                }
            }
        }
        return new Tree();
    }

    /**
     * Linux: {@code setsid /bin/sh -c command}. The JVM's child is never a process-group leader,
     * so setsid(1) calls setsid(2) in place instead of forking: the shell's pid is its session and
     * process-group id, and one {@code kill -KILL -- -pid} reaches every process in the group,
     * grandchildren included, even after the shell itself has exited.
     */
    record Session(Path setsid) implements ProcessScope {
        private static final long KILL_WAIT_SECONDS = 2;

        @Override
        public List<String> command(String shellCommand) {
            return List.of(setsid.toString(), "/bin/sh", "-c", shellCommand);
        }

        @Override
        public void killAll(Process shell) {
            // Signalling a group is beyond java.lang.Process; the shell's kill builtin does it, and
            // its "No such process" when the group is already empty is expected and discarded.
            List<String> kill = List.of("/bin/sh", "-c", "kill -s KILL -- \"-$1\"", "kill",
                    Long.toString(shell.pid()));
            try {
                Process killer = new ProcessBuilder(kill)
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
                Uninterruptibly.waitFor(killer, KILL_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (IOException e) {
                // Cannot fork a killer (e.g. out of processes): fall back to what Java can reach.
                new Tree().killAll(shell);
            }
            shell.destroyForcibly();
        }
    }

    /**
     * Fallback where no setsid(1) exists (macOS): plain {@code /bin/sh -c}, killing the shell's
     * descendants as Java sees them. Children that outlived the shell are out of reach here.
     */
    record Tree() implements ProcessScope {
        @Override
        public List<String> command(String shellCommand) {
            return List.of("/bin/sh", "-c", shellCommand);
        }

        @Override
        public void killAll(Process shell) {
            List<ProcessHandle> family = new ArrayList<>();
            shell.descendants().forEach(family::add);
            family.forEach(ProcessHandle::destroyForcibly);
            shell.destroyForcibly();
        }
    }
}
