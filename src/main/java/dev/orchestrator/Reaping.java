package dev.orchestrator;

import dev.config.Signal;
import dev.process.ProcessInfo;
import dev.process.ProcessPlatform;
import java.time.Duration;
import java.util.List;

/** Stopping escaped processes one by one, identity-checked so a reused pid is never signalled. */
public final class Reaping {
    /** How long SIGKILL may take to end a process before it is reported as not stopped. */
    private static final Duration KILL_WAIT = Duration.ofSeconds(2);

    private Reaping() {
    }

    /** TERM, wait up to {@code grace}, KILL. Returns whether the process was ours and is now gone. */
    public static boolean stopProcess(ProcessPlatform platform, ProcessInfo p, Duration grace) {
        return !stopAll(platform, List.of(p), grace).isEmpty();
    }

    /**
     * TERM to all of them at once, one shared wait of up to {@code grace}, then KILL to the survivors — so
     * a dozen daemons that ignore TERM take one grace period, not a dozen. Returns the processes that were
     * still the recorded ones (same pid and start time) and are now gone.
     */
    public static List<ProcessInfo> stopAll(ProcessPlatform platform, List<ProcessInfo> processes, Duration grace) {
        List<ProcessInfo> ours = processes.stream().filter(p -> platform.matches(p.identity())).toList();
        ours.forEach(p -> platform.signalProcess(p.pid(), Signal.TERM));
        if (!awaitGone(platform, ours, grace)) {
            ours.stream().filter(p -> platform.matches(p.identity()))
                    .forEach(p -> platform.signalProcess(p.pid(), Signal.KILL));
            awaitGone(platform, ours, KILL_WAIT);
        }
        return ours.stream().filter(p -> !platform.matches(p.identity())).toList();
    }

    private static boolean awaitGone(ProcessPlatform platform, List<ProcessInfo> processes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (processes.stream().noneMatch(p -> platform.matches(p.identity()))) {
                return true;
            }
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
