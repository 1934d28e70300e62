package dev.orchestrator;

import dev.config.HealthCheck;
import dev.health.HealthTracker;
import dev.health.LogMatcher;
import dev.health.ProbeContext;
import dev.health.ProbeResult;
import dev.health.ReadinessBackoff;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * What the health check of a spawned service decides: when to probe (fast while starting, at the interval
 * once healthy), starting → healthy or running, healthy ⇄ unhealthy, and the start timeout. Part of the
 * event loop: it changes runtimes only through the two verdicts it is given.
 */
final class HealthChecks {
    private final Actions actions;
    private final Clock clock;
    private final BiConsumer<ServiceRuntime, ServiceState> enter;
    private final BiConsumer<ServiceRuntime, Failure> startTimedOut;

    /**
     * @param enter         moves a service to a state (HEALTHY, RUNNING, UNHEALTHY)
     * @param startTimedOut fails a service whose process is alive but never became healthy
     */
    HealthChecks(Actions actions, Clock clock, BiConsumer<ServiceRuntime, ServiceState> enter,
                 BiConsumer<ServiceRuntime, Failure> startTimedOut) {
        this.actions = actions;
        this.clock = clock;
        this.enter = enter;
        this.startTimedOut = startTimedOut;
    }

    /** Before a spawn: a log check listens before the process exists, so not even its first line is missed. */
    void arm(ServiceRuntime rt, Consumer<Event> post) {
        rt.probeAttempts = 0;
        rt.lastProbe = null;
        rt.tracker = null;
        int generation = rt.generation;
        if (rt.spec.health() instanceof HealthCheck.Log log && !rt.task()) {
            rt.logMatcher = new LogMatcher(log.pattern());
            // The callback runs on a pump thread, so it only enqueues.
            rt.output.watch(generation, rt.logMatcher, () -> post.accept(new Event.LogMatched(rt.name(), generation)));
        } else {
            rt.logMatcher = null;
            rt.output.watch(generation, null, () -> { });
        }
    }

    /** The process exists: schedule the first probe (or the uptime) and the start timeout. Tasks have neither. */
    void onSpawned(ServiceRuntime rt) {
        if (rt.task()) {
            return; // a task is judged by its exit alone
        }
        HealthCheck check = rt.spec.health();
        if (check instanceof HealthCheck.Uptime) {
            actions.schedule(rt.name(), rt.generation, Event.Timer.UPTIME_REACHED, check.timing().startPeriod());
        } else if (!(check instanceof HealthCheck.Log)) {
            actions.schedule(rt.name(), rt.generation, Event.Timer.PROBE_DUE,
                    ReadinessBackoff.delay(0, check.timing().interval()));
        }
        Duration timeout = HealthTracker.effectiveStartTimeout(rt.spec.config().startTimeout(), check.timing());
        actions.schedule(rt.name(), rt.generation, Event.Timer.START_TIMEOUT, timeout);
    }

    void onProbe(ServiceRuntime rt, ProbeResult result) {
        if (rt.stopWanted) {
            return;
        }
        rt.lastProbe = result.detail();
        Duration interval = rt.spec.health().timing().interval();
        if (rt.state == ServiceState.STARTING) {
            if (result.healthy()) {
                rt.tracker = new HealthTracker(rt.spec.health().timing());
                rt.tracker.onResult(result);
                enter.accept(rt, ServiceState.HEALTHY);
                actions.schedule(rt.name(), rt.generation, Event.Timer.PROBE_DUE, interval);
            } else {
                rt.probeAttempts++;
                actions.schedule(rt.name(), rt.generation, Event.Timer.PROBE_DUE,
                        ReadinessBackoff.delay(rt.probeAttempts, interval));
            }
        } else if (rt.state == ServiceState.HEALTHY || rt.state == ServiceState.UNHEALTHY) {
            HealthTracker.Transition t = rt.tracker.onResult(result);
            if (t == HealthTracker.Transition.BECAME_UNHEALTHY) {
                enter.accept(rt, ServiceState.UNHEALTHY);
            } else if (t == HealthTracker.Transition.BECAME_HEALTHY) {
                enter.accept(rt, ServiceState.HEALTHY);
            }
            actions.schedule(rt.name(), rt.generation, Event.Timer.PROBE_DUE, interval);
        }
    }

    void onLogMatched(ServiceRuntime rt) {
        if (rt.state == ServiceState.STARTING && !rt.stopWanted) {
            rt.lastProbe = "log matched";
            enter.accept(rt, ServiceState.HEALTHY);
        }
    }

    /** PROBE_DUE, START_TIMEOUT and UPTIME_REACHED; other timers are not the check's business. */
    void onTimer(ServiceRuntime rt, Event.Timer timer) {
        if (rt.stopWanted) {
            return;
        }
        switch (timer) {
            case PROBE_DUE -> {
                if (rt.state == ServiceState.STARTING || rt.state == ServiceState.HEALTHY
                        || rt.state == ServiceState.UNHEALTHY) {
                    actions.probe(rt.name(), rt.generation, rt.spec.health(),
                            new ProbeContext(rt.spec.cwd(), rt.spec.environment()));
                }
            }
            case START_TIMEOUT -> {
                if (rt.state == ServiceState.STARTING) {
                    Duration after = Duration.between(rt.spawnedAt, clock.instant());
                    startTimedOut.accept(rt, Failures.healthTimeout(after, rt.lastProbe));
                }
            }
            case UPTIME_REACHED -> {
                if (rt.state == ServiceState.STARTING) {
                    enter.accept(rt, ServiceState.RUNNING);
                }
            }
            case RESTART_DUE -> throw new IllegalArgumentException("not a health timer: " + timer);
        }
    }
}
