package dev.run;

import dev.cli.Version;
import dev.orchestrator.OrchestratorListener;
import dev.orchestrator.ServiceSnapshot;
import dev.orchestrator.ServiceState;
import dev.orchestrator.StackSnapshot;
import dev.plan.StartPlan;
import dev.process.ProcessIdentity;
import dev.process.ProcessPlatform;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Everything a running orchestrator keeps in {@code .dev/}, opened in the order that makes a
 * crash at any point recoverable: lock, reap of a stale run, the state file (written before any
 * spawn; if it cannot be written nothing starts), the control socket (listening before the first
 * spawn, so {@code dev status} answers during startup), and the watchdog.
 */
public final class RunSession implements AutoCloseable {
    private static final Duration LOCK_RACE_WINDOW = Duration.ofSeconds(1);

    private final RunDirectory dir;
    private final RunLock lock;
    private final StateWriter stateWriter;
    private final ControlServer control;
    private final Watchdog watchdog;
    private final LateTarget target;

    private RunSession(RunDirectory dir, RunLock lock, StateWriter stateWriter, ControlServer control, Watchdog watchdog,
                       LateTarget target) {
        this.dir = dir;
        this.lock = lock;
        this.stateWriter = stateWriter;
        this.control = control;
        this.watchdog = watchdog;
        this.target = target;
    }

    public static RunSession open(RunDirectory dir, StartPlan plan, String runId, Map<String, String> env,
                                  ProcessPlatform platform, Consumer<String> log)
            throws IOException, AlreadyRunningException {
        dir.create();
        long pid = ProcessHandle.current().pid();
        Instant processStart = platform.startTime(pid).orElse(null);
        Path socket = SocketPaths.choose(dir, env);
        LockInfo info = new LockInfo(pid, processStart, Version.get(), Instant.now(), socket, runId, dir.projectRoot());
        RunLock lock = acquire(dir, info, platform);
        try {
            reapStaleRun(dir, runId, platform, log);
            ProcessIdentity self = new ProcessIdentity(pid, processStart);
            StateBuilder states = new StateBuilder(plan, dir.projectRoot(), runId, self);
            try {
                StateFile.write(dir.stateFile(), states.initial());
            } catch (IOException e) {
                throw new IOException("cannot write " + dir.stateFile() + " (" + e.getMessage()
                        + "); refusing to start anything that 'dev stop' could not find", e);
            }
            StateWriter writer = new StateWriter(dir.stateFile(), states::from, log);
            LateTarget target = new LateTarget(states.initial().snapshot());
            ControlServer control = ControlServer.start(socket, target);
            Watchdog watchdog = Watchdog.start(Watchdog.reaperCommand(dir.projectRoot(), runId),
                    dir.root().resolve("watchdog.log"), dir.projectRoot());
            return new RunSession(dir, lock, writer, control, watchdog, target);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static RunLock acquire(RunDirectory dir, LockInfo info, ProcessPlatform platform)
            throws IOException, AlreadyRunningException {
        long deadline = System.nanoTime() + LOCK_RACE_WINDOW.toNanos();
        while (true) {
            Optional<RunLock> lock = RunLock.tryAcquire(dir.lockFile(), info);
            if (lock.isPresent()) {
                return lock.get();
            }
            Optional<LockInfo> owner;
            try {
                owner = RunLock.read(dir.lockFile());
            } catch (IllegalArgumentException e) {
                owner = Optional.empty(); // being rewritten by the winner of a race
            }
            if (owner.isPresent() && platform.matches(owner.get().identity())) {
                throw new AlreadyRunningException(owner.get());
            }
            // Held, but not by a live orchestrator: another dev command probing it, or a start that
            // won a race and is writing its info. Look again shortly.
            if (System.nanoTime() > deadline) {
                if (owner.isPresent()) {
                    throw new AlreadyRunningException(owner.get());
                }
                throw new IOException("the lock " + dir.lockFile() + " is held by another process");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while taking the lock");
            }
        }
    }

    private static void reapStaleRun(RunDirectory dir, String runId, ProcessPlatform platform, Consumer<String> log)
            throws IOException {
        Reaper reaper = new Reaper(platform, log);
        try {
            Optional<RunState> stale = StateFile.read(dir.stateFile());
            if (stale.isPresent() && !runId.equals(stale.get().runId())) {
                Reaper.Report report = reaper.reap(stale.get(), null);
                if (!report.nothingFound()) {
                    log.accept("stopped leftovers of a previous run (orchestrator pid " + stale.get().orchestrator().pid()
                            + " is gone): " + String.join(", ", report.stopped())
                            + (report.escaped().isEmpty() ? "" : " + " + report.escaped().size() + " escaped processes"));
                }
            }
        } catch (IllegalArgumentException e) {
            log.accept("ignoring an unreadable state file of a previous run (" + e.getMessage()
                    + "); looking for its processes by their environment instead");
            reaper.sweep("DEV_PROJECT_ROOT", dir.projectRoot().toString(), Set.of());
        }
        StateFile.delete(dir.stateFile());
    }

    /** Listeners to attach to the orchestrator: the state file and the control socket. */
    public OrchestratorListener listener() {
        return OrchestratorListener.all(List.of(stateWriter, control));
    }

    /** Connects the control socket to the orchestrator once it exists. */
    public void attach(ControlTarget orchestrator) {
        target.attach(orchestrator);
    }

    public Path socket() {
        return control.socketPath();
    }

    public ControlServer control() {
        return control;
    }

    public Watchdog watchdog() {
        return watchdog;
    }

    /** Clean shutdown: disarm the watchdog, close the socket, drop the state, release the lock. */
    @Override
    public void close() throws IOException {
        target.abandon();
        watchdog.close();
        control.close();
        stateWriter.close();
        StateFile.delete(dir.stateFile());
        lock.close();
    }

    /**
     * The orchestrator is created after the socket listens, and {@code dev start -d} returns as soon as it
     * listens, so requests can arrive first. Until it exists they see the plan (every service pending), and
     * stop or restart requests wait for it: acknowledging a stop that nothing carried out would leave a
     * stack running that its user believes stopped.
     */
    private static final class LateTarget implements ControlTarget {
        private final StackSnapshot planned;
        private final CompletableFuture<ControlTarget> attached = new CompletableFuture<>();

        LateTarget(StackSnapshot planned) {
            this.planned = planned;
        }

        void attach(ControlTarget orchestrator) {
            attached.complete(orchestrator);
        }

        /** The session closes without an orchestrator having been attached: fail whatever still waits. */
        void abandon() {
            attached.completeExceptionally(new IllegalStateException("the stack did not start"));
        }

        @Override
        public StackSnapshot snapshot() {
            boolean running = attached.isDone() && !attached.isCompletedExceptionally();
            return running ? attached.join().snapshot() : planned;
        }

        @Override
        public CompletableFuture<Void> stop(Set<String> services, boolean force, Duration timeout) {
            return attached.thenCompose(d -> d.stop(services, force, timeout));
        }

        @Override
        public CompletableFuture<Void> restart(Set<String> services) {
            return attached.thenCompose(d -> d.restart(services));
        }
    }

    /** Turns snapshots into state-file content, adding what only the plan knows (stop order and specs). */
    private static final class StateBuilder {
        private final StartPlan plan;
        private final Path root;
        private final String runId;
        private final ProcessIdentity self;
        private final List<List<String>> stopLevels;
        private final Map<String, StopSpec> stop = new LinkedHashMap<>();
        private final Instant startedAt = Instant.now();

        StateBuilder(StartPlan plan, Path root, String runId, ProcessIdentity self) {
            this.plan = plan;
            this.root = root;
            this.runId = runId;
            this.self = self;
            this.stopLevels = plan.graph().stopLevels(plan.selected());
            plan.services().values().forEach(s -> stop.put(s.name(), new StopSpec(s.config().stopSignal(),
                    s.config().stopTimeout(), s.config().keepDetached())));
        }

        RunState initial() {
            List<ServiceSnapshot> services = new ArrayList<>();
            plan.services().values().forEach(s -> services.add(new ServiceSnapshot(s.name(), ServiceState.PENDING, 0, 0,
                    null, s.port(), null, startedAt, null, 0, null, null, List.of(), null, s.config().optional(),
                    s.config().task())));
            return new RunState(plan.config().project().name(), root, runId, self, startedAt, Instant.now(), stopLevels,
                    services, stop);
        }

        RunState from(StackSnapshot s) {
            return new RunState(s.project(), root, runId, self, s.startedAt(), Instant.now(), stopLevels, s.services(),
                    stop);
        }
    }
}
