package dev.orchestrator;

import dev.config.ResolvedService;
import dev.logs.LogWriter;
import dev.logs.TailBuffer;
import dev.plan.DependencyGraph;
import dev.plan.StartPlan;
import dev.process.ProcessPlatform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a {@link StartPlan}: one event-loop thread owns every service's state and decides; worker
 * threads act (spawn, probe, stop) and post results back as events (see {@link Actions}). Readers
 * get immutable {@link StackSnapshot}s; nothing outside the loop ever touches mutable state, so
 * there are no locks to hold across I/O.
 */
public final class Orchestrator implements AutoCloseable {
    private final BlockingQueue<Event> queue = new LinkedBlockingQueue<>();
    private final Map<String, ServiceRuntime> services = new LinkedHashMap<>();
    private final Options options;
    private final OrchestratorListener listener;
    private final Clock clock;
    private final Instant startedAt;
    private final ExecutorService workers;
    private final ScheduledExecutorService timers;
    private final Thread loop;
    private final CompletableFuture<Integer> terminated = new CompletableFuture<>();
    private final Decisions decisions;
    private final String project;
    private volatile StackSnapshot latest;

    /**
     * @param runId          unique id of this run, set as {@code DEV_RUN_ID} in every service (already
     *                       part of each resolved environment)
     * @param logsDir        where {@code NAME.log} files go
     * @param abortOnFailure stop everything as soon as a required service fails
     */
    public record Options(String runId, Path logsDir, long logMaxSize, int logMaxFiles, boolean abortOnFailure) {
    }

    public Orchestrator(StartPlan plan, Options options, ProcessPlatform platform, OrchestratorListener listener)
            throws IOException {
        this(plan, options, platform, listener, RestartBackoff.Timing.DEFAULT);
    }

    /** With other restart numbers than the production ones: for tests of the restart policy. */
    Orchestrator(StartPlan plan, Options options, ProcessPlatform platform, OrchestratorListener listener,
                 RestartBackoff.Timing restartTiming) throws IOException {
        this.options = options;
        this.listener = listener;
        this.project = plan.config().project().name();
        this.clock = Clock.systemUTC();
        this.startedAt = clock.instant();
        Files.createDirectories(options.logsDir());
        for (ResolvedService s : plan.services().values()) {
            LogWriter writer = new LogWriter(options.logsDir().resolve(s.name() + ".log"), options.logMaxSize(),
                    options.logMaxFiles());
            OutputRouter router = new OutputRouter(s.name(), writer, new TailBuffer(200), listener);
            services.put(s.name(), new ServiceRuntime(s, router, new RestartBackoff(restartTiming), startedAt));
        }
        this.workers = Executors.newCachedThreadPool(daemonThreads("dev-worker"));
        this.timers = Executors.newSingleThreadScheduledExecutor(daemonThreads("dev-timer"));
        Actions actions = new Actions(platform, workers, timers, queue::add);
        DependencyGraph graph = plan.graph();
        this.decisions = new Decisions(services, graph, actions, options, listener, clock, this::publish, queue::add);
        this.latest = buildSnapshot();
        this.loop = new Thread(this::runLoop, "dev-orchestrator");
        this.loop.setDaemon(true);
        this.loop.start();
    }

    /**
     * Starts the plan: every service of it not started yet, each as soon as its dependencies allow. The
     * future completes when each of {@code names} (every service when empty) is up or settled. A service
     * stopped later is started again by {@link #restart}, not by this.
     */
    public CompletableFuture<Void> start(Set<String> names) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        queue.add(new Event.StartRequested(names.isEmpty() ? services.keySet() : Set.copyOf(names), done));
        return done;
    }

    /** Stops the named services and what depends on them; the whole stack when empty. */
    public CompletableFuture<Void> stop(Set<String> names, boolean force, Duration timeout) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        queue.add(new Event.StopRequested(Set.copyOf(names), force, timeout, done));
        return done;
    }

    public CompletableFuture<Void> restart(Set<String> names) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        queue.add(new Event.RestartRequested(Set.copyOf(names), done));
        return done;
    }

    /** The latest published state; safe from any thread. */
    public StackSnapshot snapshot() {
        return latest;
    }

    /**
     * Completes with the run's exit code once everything stopped and leftovers were swept: 0 for a
     * clean stop, 1 when something failed (with --abort-on-failure) or could not be stopped.
     */
    public CompletableFuture<Integer> terminated() {
        return terminated;
    }

    public Set<String> serviceNames() {
        return services.keySet();
    }

    public String runId() {
        return options.runId();
    }

    private void runLoop() {
        try {
            while (!decisions.finished()) {
                Event e = queue.take();
                decisions.handle(e);
            }
            terminated.complete(decisions.exitCode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            terminated.complete(1);
        } catch (RuntimeException | Error e) {
            // A bug in the loop must not leave services running unattended: stop them all, hard.
            listener.notice("internal error in the orchestrator: " + e + "; killing all services");
            services.values().forEach(rt -> {
                if (rt.pgid() > 0) {
                    decisions.killNow(rt);
                }
            });
            terminated.completeExceptionally(e);
        } finally {
            services.values().forEach(rt -> rt.output.close());
        }
    }

    private void publish() {
        StackSnapshot s = buildSnapshot();
        latest = s;
        listener.snapshot(s);
    }

    private StackSnapshot buildSnapshot() {
        return new StackSnapshot(project, options.runId(), startedAt,
                services.values().stream().map(ServiceRuntime::snapshot).toList(), decisions != null && decisions.shuttingDown());
    }

    /**
     * Releases the threads. Call it after {@link #terminated()} completed: closing a running orchestrator
     * abandons its services instead of stopping them.
     */
    @Override
    public void close() {
        workers.shutdownNow();
        timers.shutdownNow();
        loop.interrupt();
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    static Set<String> ordered(Map<String, ?> order, Set<String> names) {
        Set<String> out = new LinkedHashSet<>();
        for (String n : order.keySet()) {
            if (names.contains(n)) {
                out.add(n);
            }
        }
        return out;
    }
}
