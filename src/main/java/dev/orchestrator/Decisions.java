package dev.orchestrator;

import dev.config.Condition;
import dev.config.HealthCheck;
import dev.config.RestartPolicy;
import dev.config.Signal;
import dev.health.HealthTracker;
import dev.health.LogMatcher;
import dev.health.ProbeContext;
import dev.health.ReadinessBackoff;
import dev.plan.DependencyGraph;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The state machine. Every method runs on the event-loop thread: it reads an event, changes
 * {@link ServiceRuntime}s, and asks {@link Actions} to do slow work elsewhere. After each event
 * {@link #reconcile()} moves every service as far as its dependencies and pending stops allow,
 * like a controller loop, so ordering rules live in one place.
 */
final class Decisions {
    /** Grace for group members a leader left behind when it exited on its own. */
    private static final Duration LEFTOVER_GRACE = Duration.ofSeconds(1);
    /** Grace for escaped processes found by the run marker at the end, unless a stop named its own. */
    private static final Duration ESCAPED_GRACE = Duration.ofSeconds(2);
    private static final int FAILURE_LINES = 20;

    private final Map<String, ServiceRuntime> services;
    private final DependencyGraph graph;
    private final Actions actions;
    private final Orchestrator.Options options;
    private final OrchestratorListener listener;
    private final Clock clock;
    private final Runnable publish;
    private final java.util.function.Consumer<Event> post;
    private final List<Waiter> waiters = new ArrayList<>();

    private boolean startRequested;
    private boolean shuttingDown;
    private boolean sweepStarted;
    private boolean finished;
    private boolean forcedOrIncomplete;
    private boolean aborted;
    /** Everything settled without a stop request: the run is over because nothing is left to run. */
    private boolean endedByItself;
    private Duration graceOverride;

    /** A caller waiting for a set of services to reach a condition. */
    private record Waiter(Set<String> services, WaitFor kind, CompletableFuture<Void> done) {
    }

    /** STARTED: each service is up or settled. STOPPED: each is settled with no stop pending. */
    private enum WaitFor { STARTED, STOPPED }

    Decisions(Map<String, ServiceRuntime> services, DependencyGraph graph, Actions actions,
              Orchestrator.Options options, OrchestratorListener listener, Clock clock, Runnable publish,
              java.util.function.Consumer<Event> post) {
        this.post = post;
        this.services = services;
        this.graph = graph;
        this.actions = actions;
        this.options = options;
        this.listener = listener;
        this.clock = clock;
        this.publish = publish;
    }

    boolean finished() {
        return finished;
    }

    boolean shuttingDown() {
        return shuttingDown;
    }

    /**
     * 1 when the run was aborted, something could not be stopped, or the run ended by itself (nothing left
     * to run) with a required service failed or skipped; 0 after a clean stop.
     */
    int exitCode() {
        return aborted || forcedOrIncomplete || (endedByItself && requiredFailed()) ? 1 : 0;
    }

    private boolean requiredFailed() {
        return services.values().stream().anyMatch(rt -> !rt.optional()
                && (rt.state == ServiceState.FAILED || rt.state == ServiceState.SKIPPED));
    }

    void handle(Event event) {
        if (event instanceof Event.StartRequested e) {
            startRequested = true;
            waiters.add(new Waiter(e.services(), WaitFor.STARTED, e.done()));
        } else if (event instanceof Event.Spawned e) {
            onSpawned(e);
        } else if (event instanceof Event.SpawnFailed e) {
            ServiceRuntime rt = current(e.service(), e.generation());
            if (rt != null) {
                fail(rt, e.failure());
            }
        } else if (event instanceof Event.Exited e) {
            onExited(e);
        } else if (event instanceof Event.ProbeDone e) {
            onProbe(e);
        } else if (event instanceof Event.LogMatched e) {
            ServiceRuntime rt = current(e.service(), e.generation());
            if (rt != null && rt.state == ServiceState.STARTING) {
                rt.lastProbe = "log matched";
                setState(rt, ServiceState.HEALTHY, null);
            }
        } else if (event instanceof Event.TimerFired e) {
            onTimer(e);
        } else if (event instanceof Event.StopRequested e) {
            onStopRequested(e);
        } else if (event instanceof Event.StopFinished e) {
            onStopFinished(e);
        } else if (event instanceof Event.RestartRequested e) {
            onRestartRequested(e);
        } else if (event instanceof Event.SweepFinished e) {
            e.reaped().forEach(p -> listener.notice("stopped escaped process " + p));
            finished = true;
        }
        reconcile();
        publish.run();
        // After publishing: a caller woken by its future must find the state it waited for in snapshot().
        settleWaiters();
    }

    /** The runtime for an event of the current generation, or null for a stale event. */
    private ServiceRuntime current(String name, int generation) {
        ServiceRuntime rt = services.get(name);
        return rt != null && rt.generation == generation ? rt : null;
    }

    // ---- spawning and health ------------------------------------------------------------------

    private void spawn(ServiceRuntime rt) {
        rt.generation++;
        rt.failure = null;
        rt.exitCode = null;
        rt.process = null;
        rt.detachedLeader = false;
        rt.probeAttempts = 0;
        rt.lastProbe = null;
        rt.tracker = null;
        rt.waitingFor = new ArrayList<>();
        rt.spawnedAt = clock.instant();
        int generation = rt.generation;
        if (rt.spec.health() instanceof HealthCheck.Log log && !rt.task()) {
            // Armed before the process exists so not even its first line can be missed.
            rt.logMatcher = new LogMatcher(log.pattern());
            // The callback runs on a pump thread, so it only enqueues.
            rt.output.watch(rt.logMatcher, () -> post.accept(new Event.LogMatched(rt.name(), generation)));
        } else {
            rt.output.watch(null, () -> { });
        }
        setState(rt, ServiceState.STARTING, null);
        actions.spawn(rt.spec, generation, rt.output);
    }

    private void onSpawned(Event.Spawned e) {
        ServiceRuntime rt = current(e.service(), e.generation());
        if (rt == null) {
            actions.kill(e.process().pgid()); // a spawn nobody wants any more
            return;
        }
        rt.process = e.process();
        rt.spawnedAt = clock.instant();
        publish.run();
        if (rt.task()) {
            return; // a task is judged by its exit alone
        }
        HealthCheck check = rt.spec.health();
        if (check instanceof HealthCheck.Uptime) {
            actions.schedule(rt.name(), rt.generation, Event.Timer.UPTIME_REACHED, check.timing().startPeriod());
        } else if (!(check instanceof HealthCheck.Log)) {
            actions.schedule(rt.name(), rt.generation, Event.Timer.PROBE_DUE, ReadinessBackoff.delay(0, check.timing().interval()));
        }
        Duration timeout = HealthTracker.effectiveStartTimeout(rt.spec.config().startTimeout(), check.timing());
        actions.schedule(rt.name(), rt.generation, Event.Timer.START_TIMEOUT, timeout);
    }

    private void onProbe(Event.ProbeDone e) {
        ServiceRuntime rt = current(e.service(), e.generation());
        if (rt == null || rt.stopWanted) {
            return;
        }
        rt.lastProbe = e.result().detail();
        Duration interval = rt.spec.health().timing().interval();
        if (rt.state == ServiceState.STARTING) {
            if (e.result().healthy()) {
                rt.tracker = new HealthTracker(rt.spec.health().timing());
                rt.tracker.onResult(e.result());
                setState(rt, ServiceState.HEALTHY, null);
                actions.schedule(rt.name(), rt.generation, Event.Timer.PROBE_DUE, interval);
            } else {
                rt.probeAttempts++;
                actions.schedule(rt.name(), rt.generation, Event.Timer.PROBE_DUE,
                        ReadinessBackoff.delay(rt.probeAttempts, interval));
            }
        } else if (rt.state == ServiceState.HEALTHY || rt.state == ServiceState.UNHEALTHY) {
            HealthTracker.Transition t = rt.tracker.onResult(e.result());
            if (t == HealthTracker.Transition.BECAME_UNHEALTHY) {
                setState(rt, ServiceState.UNHEALTHY, null);
            } else if (t == HealthTracker.Transition.BECAME_HEALTHY) {
                setState(rt, ServiceState.HEALTHY, null);
            }
            actions.schedule(rt.name(), rt.generation, Event.Timer.PROBE_DUE, interval);
        }
    }

    private void onTimer(Event.TimerFired e) {
        ServiceRuntime rt = current(e.service(), e.generation());
        if (rt == null) {
            return;
        }
        switch (e.timer()) {
            case PROBE_DUE -> {
                boolean probing = rt.state == ServiceState.STARTING || rt.state == ServiceState.HEALTHY
                        || rt.state == ServiceState.UNHEALTHY;
                if (probing && !rt.stopWanted) {
                    actions.probe(rt.name(), rt.generation, rt.spec.health(), new ProbeContext(rt.spec.cwd(), rt.spec.environment()));
                }
            }
            case START_TIMEOUT -> {
                if (rt.state == ServiceState.STARTING && !rt.stopWanted) {
                    Duration after = Duration.between(rt.spawnedAt, clock.instant());
                    failAndStop(rt, Failures.healthTimeout(after, rt.lastProbe));
                }
            }
            case UPTIME_REACHED -> {
                if (rt.state == ServiceState.STARTING && !rt.stopWanted) {
                    setState(rt, ServiceState.RUNNING, null);
                }
            }
            case RESTART_DUE -> {
                if (rt.state == ServiceState.WAITING && !rt.stopWanted && !shuttingDown) {
                    rt.restarts++;
                    spawn(rt);
                }
            }
        }
    }

    private void onExited(Event.Exited e) {
        ServiceRuntime rt = current(e.service(), e.generation());
        if (rt == null) {
            return;
        }
        rt.exitCode = e.exitCode();
        boolean live = rt.state == ServiceState.STARTING || rt.state == ServiceState.HEALTHY
                || rt.state == ServiceState.RUNNING || rt.state == ServiceState.UNHEALTHY;
        if (!live) {
            return; // STOPPING: the stop in progress reports once the whole group is gone; else a late event
        }
        if (e.exitCode() == 0 && rt.spec.stopCommand() != null && !rt.task() && !rt.stopWanted) {
            // Daemonized itself (redis --daemonize yes): its health check and stop_command take over,
            // and whatever it left in its group is part of the service.
            rt.detachedLeader = true;
            return;
        }
        actions.cleanUpGroup(rt.pgid(), rt.spec.config().stopSignal(), LEFTOVER_GRACE);
        if (rt.stopWanted) {
            // Exited on its own after a stop was asked for but before it was dispatched.
            setState(rt, ServiceState.STOPPED, null);
            return;
        }
        if (rt.task()) {
            if (e.exitCode() == 0) {
                setState(rt, ServiceState.COMPLETED, null);
            } else {
                fail(rt, Failures.exited(e.exitCode(), false, rt.output.tail().last(FAILURE_LINES)));
            }
            return;
        }
        boolean whileStarting = rt.state == ServiceState.STARTING;
        Failure failure = Failures.exited(e.exitCode(), whileStarting, rt.output.tail().last(FAILURE_LINES));
        RestartPolicy policy = rt.spec.config().restart();
        boolean restart = !shuttingDown && (policy == RestartPolicy.ALWAYS
                || (policy == RestartPolicy.ON_FAILURE && e.exitCode() != 0));
        if (!restart) {
            fail(rt, failure);
            return;
        }
        rt.backoff.recordExit(rt.spawnedAt, clock.instant());
        if (rt.backoff.crashLoop()) {
            fail(rt, Failures.crashLoop(rt.backoff.failures(), rt.backoff.stable()));
            return;
        }
        Duration delay = rt.backoff.delay();
        rt.failure = failure;
        rt.waitingFor = List.of("restart in " + dev.config.Durations.format(delay));
        setState(rt, ServiceState.WAITING, failure);
        actions.schedule(rt.name(), rt.generation, Event.Timer.RESTART_DUE, delay);
    }

    // ---- failures ---------------------------------------------------------------------------

    private void fail(ServiceRuntime rt, Failure failure) {
        rt.failure = failure;
        setState(rt, ServiceState.FAILED, failure);
        onServiceDown(rt);
        if (options.abortOnFailure() && !rt.optional() && !shuttingDown) {
            listener.notice("--abort-on-failure: " + rt.name() + " failed, stopping everything");
            aborted = true;
            beginShutdown(null, false);
        }
    }

    /** Fails a service whose process is still alive (health timeout): stop it, then show FAILED. */
    private void failAndStop(ServiceRuntime rt, Failure failure) {
        rt.failure = failure;
        rt.stopWanted = true;
        rt.stopRequestedAt = clock.instant();
        failAfterStop.put(rt.name(), failure);
        if (options.abortOnFailure() && !rt.optional() && !shuttingDown) {
            listener.notice("--abort-on-failure: " + rt.name() + " failed, stopping everything");
            aborted = true;
            beginShutdown(null, false);
        }
    }

    private final Map<String, Failure> failAfterStop = new java.util.HashMap<>();

    /** binds_to: whatever is bound to a service that went down goes down too. */
    private void onServiceDown(ServiceRuntime target) {
        for (ServiceRuntime rt : services.values()) {
            if (target.name().equals(rt.spec.config().bindsTo()) && (rt.state.hasProcess() || rt.state == ServiceState.WAITING
                    || rt.state == ServiceState.PENDING)) {
                requestStop(rt);
            }
        }
    }

    // ---- stopping ---------------------------------------------------------------------------

    private void onStopRequested(Event.StopRequested e) {
        if (e.timeout() != null) {
            graceOverride = e.timeout();
        }
        Set<String> targets;
        if (e.services().isEmpty()) {
            beginShutdown(e.timeout(), e.force());
            targets = services.keySet();
        } else {
            targets = stopClosure(e.services());
            targets.forEach(n -> requestStop(services.get(n)));
        }
        if (e.force()) {
            actions.hurryStops();
            targets.forEach(n -> {
                ServiceRuntime rt = services.get(n);
                if (rt.pgid() > 0 && rt.state.hasProcess()) {
                    actions.kill(rt.pgid());
                }
            });
        }
        waiters.add(new Waiter(targets, WaitFor.STOPPED, e.done()));
    }

    private void beginShutdown(Duration timeout, boolean force) {
        shuttingDown = true;
        if (timeout != null) {
            graceOverride = timeout;
        }
        if (force) {
            graceOverride = Duration.ZERO;
        }
        services.values().forEach(this::requestStop);
    }

    /** The services plus, transitively, everything that depends on or is bound to them. */
    private Set<String> stopClosure(Set<String> names) {
        Set<String> result = new LinkedHashSet<>();
        Set<String> frontier = new LinkedHashSet<>(names);
        while (!frontier.isEmpty()) {
            Set<String> next = new LinkedHashSet<>();
            for (String n : graph.withDependents(Orchestrator.ordered(services, frontier))) {
                if (services.containsKey(n) && result.add(n)) {
                    services.values().stream().filter(rt -> n.equals(rt.spec.config().bindsTo()))
                            .forEach(rt -> next.add(rt.name()));
                }
            }
            next.removeAll(result);
            frontier = next;
        }
        return Orchestrator.ordered(services, result);
    }

    void killNow(ServiceRuntime rt) {
        actions.kill(rt.pgid());
    }

    private void requestStop(ServiceRuntime rt) {
        if (!rt.stopWanted) {
            rt.stopWanted = true;
            rt.stopRequestedAt = clock.instant();
        }
    }

    private void onStopFinished(Event.StopFinished e) {
        ServiceRuntime rt = current(e.service(), e.generation());
        if (rt == null || rt.state != ServiceState.STOPPING) {
            return;
        }
        if (!e.outcome().empty()) {
            forcedOrIncomplete = true;
            listener.notice("could not stop every process of " + rt.name() + " (group " + rt.pgid() + ")");
        }
        Failure failure = failAfterStop.remove(rt.name());
        if (failure != null) {
            rt.failure = failure;
            setState(rt, ServiceState.FAILED, failure);
        } else {
            setState(rt, ServiceState.STOPPED, null);
        }
        onServiceDown(rt);
    }

    private void onRestartRequested(Event.RestartRequested e) {
        Set<String> targets = stopClosure(e.services());
        for (String n : targets) {
            ServiceRuntime rt = services.get(n);
            requestStop(rt);
            rt.startAfterStop = true;
            rt.backoff.reset();
        }
        startRequested = true;
        waiters.add(new Waiter(targets, WaitFor.STARTED, e.done()));
    }

    /**
     * True once nothing that depends on {@code rt} (directly or through others, which may have failed in
     * between) or is bound to it is still on its way down. Only dependents being stopped too are waited for:
     * a service failing on its own (a health timeout) is stopped at once, and dependents that keep running
     * stay as they are — as after a crash.
     */
    private boolean dependentsDown(ServiceRuntime rt) {
        for (String d : graph.withDependents(Set.of(rt.name()))) {
            ServiceRuntime dep = services.get(d);
            if (dep != null && dep != rt && stillStopping(dep)) {
                return false;
            }
        }
        for (ServiceRuntime other : services.values()) {
            if (rt.name().equals(other.spec.config().bindsTo()) && stillStopping(other)) {
                return false;
            }
        }
        return true;
    }

    private static boolean stillStopping(ServiceRuntime rt) {
        return rt.stopWanted && rt.state.hasProcess();
    }

    // ---- the controller step ----------------------------------------------------------------

    private void reconcile() {
        for (ServiceRuntime rt : services.values()) {
            if (rt.stopWanted) {
                advanceStop(rt);
            }
        }
        if (startRequested && !shuttingDown) {
            for (ServiceRuntime rt : services.values()) {
                if (!rt.stopWanted && (rt.state == ServiceState.PENDING
                        || (rt.state == ServiceState.WAITING && rt.backoff.failures() == 0))) {
                    advanceStart(rt);
                }
            }
        }
        if (!sweepStarted && allSettled() && (shuttingDown || (startRequested && nothingCanHappen()))) {
            sweepStarted = true;
            endedByItself = !shuttingDown;
            shuttingDown = true;
            Set<String> keep = new LinkedHashSet<>();
            services.values().stream().filter(rt -> rt.spec.config().keepDetached()).forEach(rt -> keep.add(rt.name()));
            actions.sweep(options.runId(), keep, graceOverride != null ? graceOverride : ESCAPED_GRACE);
        }
    }

    private void advanceStop(ServiceRuntime rt) {
        switch (rt.state) {
            case PENDING, WAITING -> {
                Failure failure = failAfterStop.remove(rt.name());
                setState(rt, failure != null ? ServiceState.FAILED : ServiceState.STOPPED, failure);
            }
            case STARTING, HEALTHY, RUNNING, UNHEALTHY -> {
                if (rt.process == null) {
                    return; // spawn in flight; Spawned will arrive and the stop proceeds then
                }
                if (!dependentsDown(rt)) {
                    return;
                }
                setState(rt, ServiceState.STOPPING, null);
                Duration grace = graceOverride != null ? graceOverride : rt.spec.config().stopTimeout();
                Signal signal = rt.spec.config().stopSignal();
                actions.stop(rt.name(), rt.generation, rt.pgid(), signal, grace, rt.spec);
            }
            case COMPLETED, STOPPED, FAILED, SKIPPED -> {
                rt.stopWanted = false;
                if (rt.startAfterStop && !shuttingDown) {
                    rt.startAfterStop = false;
                    rt.failure = null;
                    setState(rt, ServiceState.PENDING, null);
                }
            }
            case STOPPING -> {
                // waiting for StopFinished
            }
        }
    }

    private void advanceStart(ServiceRuntime rt) {
        List<String> waitingFor = new ArrayList<>();
        for (Map.Entry<String, Condition> dep : rt.spec.config().dependsOn().entrySet()) {
            ServiceRuntime d = services.get(dep.getKey());
            if (d == null) {
                continue; // not part of this run (--no-deps, or started separately)
            }
            boolean failed = d.state == ServiceState.FAILED || d.state == ServiceState.SKIPPED;
            if (failed && !d.optional()) {
                rt.failure = Failures.dependencyFailed(d.name());
                setState(rt, ServiceState.SKIPPED, rt.failure);
                onServiceDown(rt);
                return;
            }
            if (!failed && !satisfied(dep.getValue(), d)) {
                waitingFor.add(d.name() + " " + dep.getValue().keyword());
            }
        }
        if (waitingFor.isEmpty()) {
            spawn(rt);
        } else if (rt.state != ServiceState.WAITING || !waitingFor.equals(rt.waitingFor)) {
            rt.waitingFor = waitingFor;
            setState(rt, ServiceState.WAITING, null);
        }
    }

    private static boolean satisfied(Condition condition, ServiceRuntime dep) {
        return switch (condition) {
            case STARTED -> dep.state == ServiceState.STARTING && dep.process != null || dep.state.up()
                    || dep.state == ServiceState.UNHEALTHY;
            case HEALTHY -> dep.state.up();
            case COMPLETED -> dep.state == ServiceState.COMPLETED;
        };
    }

    private boolean allSettled() {
        return services.values().stream().allMatch(rt -> rt.state.settled()
                || (rt.state == ServiceState.PENDING && (shuttingDown || !startRequested)));
    }

    /** Nothing is alive and nothing is scheduled to start: a foreground run has nothing left to show. */
    private boolean nothingCanHappen() {
        return services.values().stream().noneMatch(rt -> rt.stopWanted || rt.startAfterStop);
    }

    private void settleWaiters() {
        waiters.removeIf(w -> {
            boolean done = w.services().stream().map(services::get).allMatch(rt -> rt == null || reached(rt, w.kind()));
            if (done) {
                w.done().complete(null);
            }
            return done;
        });
        if (finished) {
            waiters.forEach(w -> w.done().complete(null));
            waiters.clear();
        }
    }

    private boolean reached(ServiceRuntime rt, WaitFor kind) {
        if (rt.stopWanted || rt.startAfterStop) {
            return false;
        }
        return switch (kind) {
            case STOPPED -> rt.state.settled() || rt.state == ServiceState.PENDING;
            case STARTED -> rt.state.settled() || rt.state.up() || rt.state == ServiceState.UNHEALTHY || shuttingDown;
        };
    }

    private void setState(ServiceRuntime rt, ServiceState to, Failure failure) {
        ServiceState from = rt.state;
        if (from == to && to != ServiceState.WAITING) {
            return;
        }
        Instant now = clock.instant();
        rt.state = to;
        rt.since = now;
        Instant reference = to == ServiceState.STOPPED || to == ServiceState.STOPPING
                ? (rt.stopRequestedAt != null ? rt.stopRequestedAt : now)
                : (rt.spawnedAt != null ? rt.spawnedAt : now);
        long elapsed = Duration.between(reference, now).toMillis();
        List<String> lines = failure != null ? rt.output.tail().last(FAILURE_LINES) : List.of();
        listener.transition(new OrchestratorListener.Transition(rt.name(), from, to, elapsed, failure, lines,
                rt.snapshot()));
    }
}
