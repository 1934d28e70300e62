package dev.orchestrator;

import dev.config.HealthCheck;
import dev.config.PortSpec;
import dev.config.ResolvedService;
import dev.config.Signal;
import dev.health.ProbeContext;
import dev.health.ProbeResult;
import dev.health.Probes;
import dev.logs.LineSink;
import dev.logs.LogRecord;
import dev.logs.OutputPump;
import dev.process.GroupStopper;
import dev.process.StopOutcome;
import dev.process.PortHolder;
import dev.process.ProcessInfo;
import dev.process.ProcessPlatform;
import dev.process.SpawnException;
import dev.process.SpawnPreflight;
import dev.process.SpawnProblem;
import dev.process.SpawnSpec;
import dev.process.SpawnedProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The slow, blocking half of orchestration: spawning, probing, stopping, timers. Each action runs
 * on a worker or timer thread, takes only immutable inputs, and reports back by posting an event —
 * so the event loop never waits on I/O and no lock is ever held across a probe.
 */
final class Actions {
    /** How long to let pumps drain after an exit, so a failure report shows the last lines. */
    private static final Duration DRAIN = Duration.ofMillis(300);
    private static final GroupStopper STOPPER = new GroupStopper();

    private final ProcessPlatform platform;
    private final ExecutorService workers;
    private final ScheduledExecutorService timers;
    private final Consumer<Event> post;
    private final Set<StopInProgress> stopsInProgress = ConcurrentHashMap.newKeySet();

    Actions(ProcessPlatform platform, ExecutorService workers, ScheduledExecutorService timers, Consumer<Event> post) {
        this.platform = platform;
        this.workers = workers;
        this.timers = timers;
        this.post = post;
    }

    ProcessPlatform platform() {
        return platform;
    }

    void spawn(ResolvedService spec, int generation, OutputRouter router) {
        run(() -> {
            Optional<Failure> problem = preflight(spec);
            if (problem.isPresent()) {
                post.accept(new Event.SpawnFailed(spec.name(), generation, problem.get()));
                return;
            }
            SpawnedProcess p;
            try {
                p = platform.spawn(new SpawnSpec(spec.name(), spec.command(), spec.cwd(), spec.environment()));
            } catch (SpawnException e) {
                post.accept(new Event.SpawnFailed(spec.name(), generation, Failures.of(e.problem())));
                return;
            }
            router.marker("started: pid " + p.pid() + ", " + spec.command());
            post.accept(new Event.Spawned(spec.name(), generation, p));
            LineSink sink = router.sink(generation);
            OutputPump out = OutputPump.start(spec.name() + "-out", p.stdout(), LogRecord.Stream.OUT, sink);
            OutputPump err = OutputPump.start(spec.name() + "-err", p.stderr(), LogRecord.Stream.ERR, sink);
            p.process().onExit().thenAcceptAsync(done -> {
                try {
                    out.awaitEnd(DRAIN);
                    err.awaitEnd(DRAIN);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                post.accept(new Event.Exited(spec.name(), generation, done.exitValue()));
            }, workers);
        });
    }

    private Optional<Failure> preflight(ResolvedService spec) {
        Optional<SpawnProblem> problem = SpawnPreflight.check(spec.command(), spec.cwd(), spec.environment());
        if (problem.isPresent()) {
            return problem.map(Failures::of);
        }
        // Auto ports too: one was free when the plan chose it, but it is not reserved, and anything (an
        // outgoing connection's ephemeral port, another program) may have taken it since.
        if (spec.port() != null && !platform.portFree(spec.port())) {
            Optional<PortHolder> holder = platform.portHolder(spec.port());
            boolean auto = spec.config().port() instanceof PortSpec.Auto;
            return Optional.of(Failures.portInUse(spec.port(), holder.orElse(null), auto));
        }
        return Optional.empty();
    }

    void probe(String service, int generation, HealthCheck check, ProbeContext context) {
        run(() -> {
            ProbeResult result = Probes.run(check, context);
            post.accept(new Event.ProbeDone(service, generation, result));
        });
    }

    /** Graceful stop of one group: stop_command or signal, grace, SIGKILL, verify empty. */
    void stop(String service, int generation, long pgid, Signal signal, Duration grace, ResolvedService spec) {
        StopInProgress stop = new StopInProgress();
        stopsInProgress.add(stop); // before the worker runs, so a hurry right now is not missed
        run(() -> {
            stop.begin();
            StopOutcome outcome;
            try {
                outcome = spec.stopCommand() != null
                        ? STOPPER.stopWithCommand(spec.stopCommand(), spec.cwd(), spec.environment(), pgid, grace,
                                platform)
                        : STOPPER.stop(pgid, signal, grace, platform);
            } finally {
                stopsInProgress.remove(stop);
                stop.finish();
            }
            post.accept(new Event.StopFinished(service, generation, outcome));
        });
    }

    /**
     * Cuts the grace of every stop in progress short (a forced stop): an interrupted {@link GroupStopper}
     * SIGKILLs the group, and a stop command with it, at once.
     */
    void hurryStops() {
        stopsInProgress.forEach(StopInProgress::interrupt);
    }

    /**
     * The worker thread running one stop. Interrupting and finishing exclude each other, so an interrupt
     * meant for this stop never leaks into the next task the pooled thread runs; a hurry that comes before
     * the worker began is remembered and applied when it begins.
     */
    private static final class StopInProgress {
        private Thread thread;
        private boolean hurried;
        private boolean finished;

        synchronized void begin() {
            thread = Thread.currentThread();
            if (hurried) {
                thread.interrupt();
            }
        }

        synchronized void interrupt() {
            hurried = true;
            if (thread != null && !finished) {
                thread.interrupt();
            }
        }

        synchronized void finish() {
            finished = true;
            Thread.interrupted(); // clears a hurry that arrived as the stop was ending anyway
        }
    }

    /** After a leader exits, members it left in its group are stopped too (a short grace). */
    void cleanUpGroup(long pgid, Signal signal, Duration grace) {
        run(() -> {
            if (!platform.groupEmpty(pgid)) {
                STOPPER.stop(pgid, signal, grace, platform);
            }
        });
    }

    void kill(long pgid) {
        run(() -> platform.signalGroup(pgid, Signal.KILL));
    }

    void schedule(String service, int generation, Event.Timer timer, Duration delay) {
        try {
            timers.schedule(() -> post.accept(new Event.TimerFired(service, generation, timer)),
                    Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // Shutting down: the timer no longer matters.
        }
    }

    /**
     * Processes that left their group and session (double fork + setsid) but still carry this run's
     * marker: stopped the same way, except those of keep_detached services.
     */
    void sweep(String runId, Set<String> keepDetached, Duration grace) {
        run(() -> {
            Set<Long> keep = new HashSet<>();
            for (String service : keepDetached) {
                platform.processesWithEnv("DEV_SERVICE", service).forEach(p -> keep.add(p.pid()));
            }
            List<ProcessInfo> escaped = platform.processesWithEnv(Markers.RUN_ID, runId).stream()
                    .filter(p -> !keep.contains(p.pid()) && p.pid() != ProcessHandle.current().pid()).toList();
            List<String> reaped = new ArrayList<>();
            for (ProcessInfo p : Reaping.stopAll(platform, escaped, grace)) {
                reaped.add(p.pid() + " (" + p.commandLine() + ")");
            }
            post.accept(new Event.SweepFinished(reaped));
        });
    }

    private void run(Runnable action) {
        try {
            workers.execute(action);
        } catch (RejectedExecutionException e) {
            // The orchestrator is closing; nothing is waiting for this action any more.
        }
    }
}
