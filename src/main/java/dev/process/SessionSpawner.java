package dev.process;

import dev.process.SpawnProblem.Kind;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.LongFunction;

/** The platform-independent half of {@link ProcessPlatform#spawn}: preflight, launch, wait for the new group. */
final class SessionSpawner {
    /** setsid happens microseconds after exec; this bound only matters on a machine that is badly overloaded. */
    private static final Duration OWN_GROUP_TIMEOUT = Duration.ofSeconds(5);

    private final Optional<SessionLauncher> launcher;
    private final LongFunction<Optional<ProcessInfo>> info;

    /** @param launcher empty when this machine has no way to start a session; every spawn then fails saying so */
    SessionSpawner(Optional<SessionLauncher> launcher, LongFunction<Optional<ProcessInfo>> info) {
        this.launcher = launcher;
        this.info = info;
    }

    SpawnedProcess spawn(SpawnSpec spec) throws SpawnException {
        Optional<SpawnProblem> problem = SpawnPreflight.check(spec.command(), spec.cwd(), spec.env());
        if (problem.isPresent()) {
            throw new SpawnException(problem.get());
        }
        if (launcher.isEmpty()) {
            throw new SpawnException(new SpawnProblem(Kind.SPAWN_ERROR,
                    "cannot start " + spec.name() + " in its own session: neither setsid nor perl is installed",
                    "Install util-linux (for setsid) or perl"));
        }
        ProcessBuilder builder = new ProcessBuilder(launcher.get().argv(spec.command()))
                .directory(spec.cwd().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(spec.env());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new SpawnException(startFailure(spec, e), e);
        }
        long pid = process.pid();
        Instant startTime = awaitOwnGroup(spec, process);
        return new SpawnedProcess(pid, pid, startTime, process, process.getInputStream(), process.getErrorStream());
    }

    /**
     * Waits until the child has called setsid, so that a group signal sent as soon as spawn returns reaches it.
     * Returns its kernel start time, read while it is certainly this child.
     */
    private Instant awaitOwnGroup(SpawnSpec spec, Process process) throws SpawnException {
        long pid = process.pid();
        long deadline = System.nanoTime() + OWN_GROUP_TIMEOUT.toNanos();
        Instant lastSeenStart = null;
        while (true) {
            Optional<ProcessInfo> now = process.isAlive() ? info.apply(pid) : Optional.empty();
            if (now.isPresent()) {
                lastSeenStart = now.get().startTime();
                if (now.get().pgid() == pid) {
                    return lastSeenStart;
                }
            }
            if (!process.isAlive()) {
                // It exited already (a failing command); the caller learns that from the Process. Its start
                // time matters no more: an exited pid can never match an identity check.
                return lastSeenStart != null ? lastSeenStart
                        : process.info().startInstant().orElseGet(Instant::now);
            }
            if (System.nanoTime() - deadline > 0) {
                abandon(process);
                throw new SpawnException(new SpawnProblem(Kind.SPAWN_ERROR,
                        spec.name() + ": the process did not move into its own session within "
                                + OWN_GROUP_TIMEOUT.toSeconds() + "s (launcher " + launcher.get().prefix().get(0) + ")",
                        "The machine may be overloaded; try again"));
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                abandon(process);
                Thread.currentThread().interrupt();
                throw new SpawnException(new SpawnProblem(Kind.SPAWN_ERROR, spec.name()
                        + ": interrupted while starting", "dev is shutting down"), e);
            }
        }
    }

    /** Kills a child given up on, with its group if it managed to create one after the last look. */
    private void abandon(Process process) {
        long pid = process.pid();
        if (info.apply(pid).map(i -> i.pgid() == pid && !i.zombie()).orElse(false)) {
            Kill.group(pid, dev.config.Signal.KILL);
        }
        process.destroyForcibly();
    }

    private static SpawnProblem startFailure(SpawnSpec spec, IOException e) {
        if (!Files.isDirectory(spec.cwd())) {
            return new SpawnProblem(Kind.DIRECTORY_MISSING, "working directory " + spec.cwd() + " does not exist",
                    "Create it, or fix the service's cwd in dev.toml");
        }
        return new SpawnProblem(Kind.SPAWN_ERROR, spec.name() + ": could not start: " + e.getMessage(),
                "Check system limits (open files, processes) and that /bin/sh exists");
    }
}
