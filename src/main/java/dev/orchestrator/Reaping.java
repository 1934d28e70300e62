package dev.orchestrator;

import dev.config.Signal;
import dev.process.ProcessIdentity;
import dev.process.ProcessInfo;
import dev.process.ProcessPlatform;
import java.time.Duration;

/** Stopping a single escaped process, identity-checked so a reused pid is never signalled. */
public final class Reaping {
    private Reaping() {
    }

    /** TERM, wait up to {@code grace}, KILL. Returns whether the process was ours and is now gone. */
    public static boolean stopProcess(ProcessPlatform platform, ProcessInfo p, Duration grace) {
        ProcessIdentity id = new ProcessIdentity(p.pid(), p.startTime());
        if (!platform.matches(id)) {
            return false;
        }
        platform.signalProcess(p.pid(), Signal.TERM);
        long deadline = System.nanoTime() + grace.toNanos();
        while (System.nanoTime() < deadline) {
            if (!platform.matches(id)) {
                return true;
            }
            pause();
        }
        if (platform.matches(id)) {
            platform.signalProcess(p.pid(), Signal.KILL);
        }
        long killDeadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (System.nanoTime() < killDeadline && platform.matches(id)) {
            pause();
        }
        return !platform.matches(id);
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
