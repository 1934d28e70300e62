package dev.run;

import dev.orchestrator.Markers;
import dev.orchestrator.Reaping;
import dev.orchestrator.ServiceSnapshot;
import dev.process.GroupStopper;
import dev.process.ProcessIdentity;
import dev.process.ProcessInfo;
import dev.process.ProcessPlatform;
import dev.process.StopOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Stops what a run left behind when its orchestrator cannot: used by {@code dev stop} on a dead or
 * hung orchestrator, by the watchdog after a SIGKILL, and by {@code dev start} over a stale run.
 * Same escalation and order as a live stop. A recorded group is signalled only when its leader
 * is the very process recorded (pid and start time) or, the leader being gone, its remaining
 * members carry this run's marker — a reused pid is never signalled.
 */
public final class Reaper {
    private static final GroupStopper STOPPER = new GroupStopper();

    private final ProcessPlatform platform;
    private final Consumer<String> log;

    public Reaper(ProcessPlatform platform, Consumer<String> log) {
        this.platform = platform;
        this.log = log;
    }

    /** What a reap did. {@code incomplete} lists groups that still had members after SIGKILL. */
    public record Report(List<String> stopped, List<String> escaped, List<String> incomplete) {
        public boolean nothingFound() {
            return stopped.isEmpty() && escaped.isEmpty() && incomplete.isEmpty();
        }
    }

    /**
     * @param timeout grace override (null: each service's recorded stop timeout); ZERO = SIGKILL at once
     */
    public Report reap(RunState state, Duration timeout) {
        Set<Long> marked = pids(platform.processesWithEnv(Markers.RUN_ID, state.runId()));
        List<String> stopped = new ArrayList<>();
        List<String> incomplete = new ArrayList<>();
        Map<String, ServiceSnapshot> byName = state.services().stream()
                .collect(Collectors.toMap(ServiceSnapshot::name, s -> s));
        for (List<String> level : levels(state)) {
            Map<String, StopOutcome> outcomes = new ConcurrentHashMap<>();
            List<Thread> threads = new ArrayList<>();
            for (String name : level) {
                ServiceSnapshot s = byName.get(name);
                if (s == null || s.pgid() <= 0 || !ours(s, marked)) {
                    continue;
                }
                StopSpec spec = state.stop().getOrDefault(name, new StopSpec(dev.config.Signal.TERM, Duration.ofSeconds(10), false));
                Duration grace = timeout != null ? timeout : spec.timeout();
                Thread t = new Thread(() -> outcomes.put(name, STOPPER.stop(s.pgid(), spec.signal(), grace, platform)),
                        "dev-reap-" + name);
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) {
                join(t);
            }
            outcomes.forEach((name, outcome) -> {
                if (outcome.wasRunning()) {
                    stopped.add(name);
                    log.accept("stopped " + name + " (group " + byName.get(name).pgid() + ")"
                            + (outcome.killed() ? " with SIGKILL" : ""));
                }
                if (!outcome.empty()) {
                    incomplete.add(name);
                }
            });
        }
        Set<String> keep = new HashSet<>();
        state.stop().forEach((name, spec) -> {
            if (spec.keepDetached()) {
                keep.add(name);
            }
        });
        List<String> escaped = sweep(Markers.RUN_ID, state.runId(), keep);
        return new Report(stopped, escaped, incomplete);
    }

    /**
     * The last resort when no state file can be read: every process whose environment carries the
     * run marker (or, without a run id, this project's root as dev sets it).
     */
    public List<String> sweep(String key, String value, Set<String> keepDetachedServices) {
        Set<Long> keep = new HashSet<>();
        for (String service : keepDetachedServices) {
            keep.addAll(pids(platform.processesWithEnv("DEV_SERVICE", service)));
        }
        List<String> reaped = new ArrayList<>();
        long self = ProcessHandle.current().pid();
        for (ProcessInfo p : platform.processesWithEnv(key, value)) {
            if (p.pid() == self || keep.contains(p.pid())) {
                continue;
            }
            if (Reaping.stopProcess(platform, p, Duration.ofSeconds(2))) {
                String what = p.pid() + " (" + p.commandLine() + ")";
                reaped.add(what);
                log.accept("stopped leftover process " + what);
            }
        }
        return reaped;
    }

    private boolean ours(ServiceSnapshot s, Set<Long> marked) {
        if (s.processStart() != null && platform.matches(new ProcessIdentity(s.pid(), s.processStart()))) {
            return true;
        }
        List<ProcessInfo> members = platform.groupMembers(s.pgid());
        return !members.isEmpty() && members.stream().allMatch(m -> marked.contains(m.pid()));
    }

    private static List<List<String>> levels(RunState state) {
        if (!state.stopLevels().isEmpty()) {
            return state.stopLevels();
        }
        List<List<String>> one = new ArrayList<>();
        one.add(state.services().stream().map(ServiceSnapshot::name).toList());
        return one;
    }

    private static Set<Long> pids(List<ProcessInfo> ps) {
        Set<Long> out = new HashSet<>();
        ps.forEach(p -> out.add(p.pid()));
        return out;
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
