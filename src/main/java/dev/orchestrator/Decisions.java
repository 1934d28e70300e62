package dev.orchestrator;

import dev.config.Condition;
import dev.config.Durations;
import dev.config.RestartPolicy;
import dev.config.Signal;
import dev.plan.DependencyGraph;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

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
    private final Actions actions;
    private final Orchestrator.Options options;
    private final OrchestratorListener listener;
    private final Clock clock;
    private final Runnable publish;
    private final Consumer<Event> post;
    private final StopOrder stopOrder;
    private final Waiters waiters = new Waiters();
    private final HealthChecks health;
    /** Services failing while alive (a health timeout): shown FAILED with this once their stop is done. */
    private final Map<String, Failure> failAfterStop = new HashMap<>();

    private boolean startRequested;
    private boolean shuttingDown;
    private boolean sweepStarted;
    private boolean finished;
    private boolean forcedOrIncomplete;
    private boolean aborted;
    /** Everything settled without a stop request: the run is over because nothing is left to run. */
    private boolean endedByItself;
    private Duration graceOverride;

    Decisions(Map<String, ServiceRuntime> services, DependencyGraph graph, Actions actions,
              Orchestrator.Options options, OrchestratorListener listener, Clock clock, Runnable publish,
              Consumer<Event> post) {
        this.post = post;
        this.services = services;
        this.stopOrder = new StopOrder(services, graph);
        this.actions = actions;
        this.options = options;
        this.listener = listener;
        this.clock = clock;
        this.publish = publish;
        this.health = new HealthChecks(actions, clock, (rt, state) -> setState(rt, state, null), this::failAndStop);
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
            waiters.add(e.services(), Waiters.Goal.STARTED, e.done());
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
            ServiceRuntime rt = current(e.service(), e.generation());
            if (rt != null) {
                health.onProbe(rt, e.result());
            }
        } else if (event instanceof Event.LogMatched e) {
            ServiceRuntime rt = current(e.service(), e.generation());
            if (rt != null) {
                health.onLogMatched(rt);
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
        waiters.settle(services, shuttingDown);
        if (finished) {
            waiters.releaseAll();
        }
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
        rt.waitingFor = new ArrayList<>();
        rt.spawnedAt = clock.instant();
        health.arm(rt, post);
        setState(rt, ServiceState.STARTING, null);
        actions.spawn(rt.spec, rt.generation, rt.output);
    }

    private void onSpawned(Event.Spawned e) {
        ServiceRuntime rt = current(e.service(), e.generation());
        if (rt == null) {
            actions.kill(e.process().pgid()); // a spawn nobody wants any more
            return;
        }
        rt.process = e.process();
        rt.spawnedAt = clock.instant();
        health.onSpawned(rt);
    }

    private void onTimer(Event.TimerFired e) {
        ServiceRuntime rt = current(e.service(), e.generation());
        if (rt == null) {
            return;
        }
        if (e.timer() != Event.Timer.RESTART_DUE) {
            health.onTimer(rt, e.timer());
        } else if (inBackoff(rt) && !rt.stopWanted && !shuttingDown) {
            rt.restarts++;
            spawn(rt);
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
        rt.waitingFor = List.of("restart in " + Durations.format(delay));
        setState(rt, ServiceState.WAITING, failure);
        actions.schedule(rt.name(), rt.generation, Event.Timer.RESTART_DUE, delay);
    }

    // ---- failures ---------------------------------------------------------------------------

    private void fail(ServiceRuntime rt, Failure failure) {
        rt.failure = failure;
        setState(rt, ServiceState.FAILED, failure);
        onServiceDown(rt);
        abortIfRequired(rt);
    }

    /** Fails a service whose process is still alive (health timeout): stop it, then show FAILED. */
    private void failAndStop(ServiceRuntime rt, Failure failure) {
        rt.failure = failure;
        rt.stopWanted = true;
        rt.stopRequestedAt = clock.instant();
        failAfterStop.put(rt.name(), failure);
        abortIfRequired(rt);
    }

    /** --abort-on-failure: a required service failing stops everything, and the run exits 1. */
    private void abortIfRequired(ServiceRuntime failed) {
        if (options.abortOnFailure() && !failed.optional() && !shuttingDown) {
            listener.notice("--abort-on-failure: " + failed.name() + " failed, stopping everything");
            aborted = true;
            beginShutdown(null, false);
        }
    }

    /** binds_to: whatever is bound to a service that went down goes down too. */
    private void onServiceDown(ServiceRuntime target) {
        for (ServiceRuntime rt : stopOrder.boundTo(target.name())) {
            if (rt.state.hasProcess() || rt.state == ServiceState.WAITING || rt.state == ServiceState.PENDING) {
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
            targets = stopOrder.closure(e.services());
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
        waiters.add(targets, Waiters.Goal.STOPPED, e.done());
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
        Set<String> targets = stopOrder.closure(e.services());
        for (String n : targets) {
            ServiceRuntime rt = services.get(n);
            requestStop(rt);
            rt.startAfterStop = true;
            rt.backoff.reset();
        }
        startRequested = true;
        waiters.add(targets, Waiters.Goal.STARTED, e.done());
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
                        || (rt.state == ServiceState.WAITING && !inBackoff(rt)))) {
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
                if (!stopOrder.dependentsDown(rt)) {
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
        for (Map.Entry<String, Condition> dep : startConditions(rt).entrySet()) {
            ServiceRuntime d = services.get(dep.getKey());
            if (d == null) {
                continue; // not part of this run (--no-deps, or started separately)
            }
            boolean failed = d.state == ServiceState.FAILED || d.state == ServiceState.SKIPPED;
            boolean bound = d.name().equals(rt.spec.config().bindsTo());
            if (failed && (!d.optional() || bound)) {
                rt.failure = Failures.dependencyFailed(d.name());
                setState(rt, ServiceState.SKIPPED, rt.failure);
                onServiceDown(rt);
                return;
            }
            if (d.stopWanted || d.startAfterStop) {
                // Being stopped or restarted: starting now would only have to stop again (and
                // would hold the dependency's stop, which waits for its dependents).
                waitingFor.add(d.name() + (d.startAfterStop ? " restart" : " stop"));
            } else if (!failed && !satisfied(dep.getValue(), d)) {
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

    /**
     * What a service waits for before it starts: its depends_on, plus its binds_to target, which it
     * follows like a shorthand dependency (healthy when the target has a check, else started).
     */
    private Map<String, Condition> startConditions(ServiceRuntime rt) {
        String target = rt.spec.config().bindsTo();
        if (target == null || rt.spec.config().dependsOn().containsKey(target) || !services.containsKey(target)) {
            return rt.spec.config().dependsOn();
        }
        Map<String, Condition> all = new java.util.LinkedHashMap<>(rt.spec.config().dependsOn());
        all.put(target, services.get(target).spec.config().hasHealthCheck() ? Condition.HEALTHY : Condition.STARTED);
        return all;
    }

    /**
     * Waiting out a restart delay, as opposed to waiting for dependencies. A {@code dev restart} resets the
     * backoff, so a delay timer still pending from before then finds the service no longer in backoff.
     */
    private static boolean inBackoff(ServiceRuntime rt) {
        return rt.state == ServiceState.WAITING && rt.backoff.failures() > 0;
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

    private void setState(ServiceRuntime rt, ServiceState to, Failure failure) {
        List<String> lines = failure != null ? rt.output.tail().last(FAILURE_LINES) : List.of();
        OrchestratorListener.Transition t = rt.moveTo(to, failure, lines, clock.instant());
        if (t != null) {
            listener.transition(t);
        }
    }
}
