package dev.process;

import dev.config.Signal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Stops a process group: the stop signal (or a stop command), a grace period, then SIGKILL, then a check that
 * the group really is empty. Blocking — callers run it on a worker thread. Interrupting that thread cuts the
 * grace period short (the group is killed at once); the final SIGKILL wait is bounded and always completes, and
 * the interrupt flag is restored before returning.
 */
public final class GroupStopper {
    static final Duration DEFAULT_POLL = Duration.ofMillis(10);
    /** How long SIGKILL may take to empty a group before the stop is reported as failed. */
    static final Duration DEFAULT_KILL_WAIT = Duration.ofSeconds(2);

    private final Duration poll;
    private final Duration killWait;

    public GroupStopper() {
        this(DEFAULT_POLL, DEFAULT_KILL_WAIT);
    }

    GroupStopper(Duration poll, Duration killWait) {
        this.poll = poll;
        this.killWait = killWait;
    }

    /**
     * Sends {@code signal} to group {@code pgid}, waits up to {@code grace} for it to empty, then SIGKILLs the
     * group and waits (bounded) for it to empty. Unless the signal is KILL or CONT, SIGCONT follows it, so a
     * stopped (Ctrl-Z'd, traced) process wakes up to handle the signal instead of sitting out the grace period.
     */
    public StopOutcome stop(long pgid, Signal signal, Duration grace, ProcessPlatform platform) {
        long started = System.nanoTime();
        if (platform.groupEmpty(pgid)) {
            return new StopOutcome(false, false, true, since(started));
        }
        sendWithContinue(pgid, signal, platform);
        Waiter waiter = new Waiter();
        boolean emptied = waiter.until(started + grace.toNanos(), () -> platform.groupEmpty(pgid));
        return waiter.finish(emptied ? new StopOutcome(true, false, true, since(started))
                : kill(pgid, started, platform, waiter));
    }

    /**
     * Runs {@code stopCommand} (through {@link ProcessPlatform#spawn}, so in its own session and group, with
     * {@code env}, in {@code cwd}) instead of sending a signal, then waits up to {@code grace} for both group
     * {@code pgid} to empty and the stop command to finish; a stop command still running then is SIGKILLed with
     * its group, and so is {@code pgid} if not empty. The stop command runs even when {@code pgid} is already
     * empty: services that daemonize themselves leave their group at once, and the stop command is how they are
     * stopped. Its output is discarded. If it cannot be spawned at all, SIGTERM goes to the group instead.
     *
     * @return {@code wasRunning} describes group {@code pgid} only
     */
    public StopOutcome stopWithCommand(String stopCommand, Path cwd, Map<String, String> env, long pgid,
                                       Duration grace, ProcessPlatform platform) {
        long started = System.nanoTime();
        boolean wasRunning = !platform.groupEmpty(pgid);
        SpawnedProcess command = null;
        try {
            command = platform.spawn(new SpawnSpec("stop command", stopCommand, cwd, env));
            discard(command.stdout());
            discard(command.stderr());
        } catch (SpawnException e) {
            if (wasRunning) {
                sendWithContinue(pgid, Signal.TERM, platform);
            }
        }
        long commandGroup = command == null ? -1 : command.pgid();
        Waiter waiter = new Waiter();
        boolean done = waiter.until(started + grace.toNanos(),
                () -> platform.groupEmpty(pgid) && (commandGroup < 0 || platform.groupEmpty(commandGroup)));
        if (!done && commandGroup > 0 && !platform.groupEmpty(commandGroup)) {
            platform.signalGroup(commandGroup, Signal.KILL);
            waiter.untilIgnoringInterrupts(System.nanoTime() + killWait.toNanos(),
                    () -> platform.groupEmpty(commandGroup));
        }
        if (platform.groupEmpty(pgid)) {
            return waiter.finish(new StopOutcome(wasRunning, false, true, since(started)));
        }
        return waiter.finish(kill(pgid, started, platform, waiter));
    }

    private StopOutcome kill(long pgid, long started, ProcessPlatform platform, Waiter waiter) {
        platform.signalGroup(pgid, Signal.KILL);
        boolean empty = waiter.untilIgnoringInterrupts(System.nanoTime() + killWait.toNanos(),
                () -> platform.groupEmpty(pgid));
        return new StopOutcome(true, true, empty, since(started));
    }

    private static void sendWithContinue(long pgid, Signal signal, ProcessPlatform platform) {
        if (signal.equals(Signal.KILL) || signal.equals(Signal.CONT)) {
            platform.signalGroup(pgid, signal);
        } else {
            platform.signalGroupThenContinue(pgid, signal);
        }
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /** Reads and drops a stream until end of file, on a daemon thread, so the writer never blocks on a full pipe. */
    private static void discard(InputStream stream) {
        Thread drain = new Thread(() -> {
            try (stream) {
                stream.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                // the stop command is gone; nothing to drain
            }
        }, "dev-stop-command-drain");
        drain.setDaemon(true);
        drain.start();
    }

    /** Polls conditions for one stop, remembering an interrupt so it can be restored at the end. */
    private final class Waiter {
        private boolean interrupted;

        /** Polls until the condition holds (true), or the deadline passes or the thread is interrupted (false). */
        boolean until(long deadlineNanos, BooleanSupplier condition) {
            return poll(deadlineNanos, condition, true);
        }

        /** As {@link #until}, but an interrupt does not end the wait: used after SIGKILL, which is quick. */
        boolean untilIgnoringInterrupts(long deadlineNanos, BooleanSupplier condition) {
            return poll(deadlineNanos, condition, false);
        }

        private boolean poll(long deadlineNanos, BooleanSupplier condition, boolean interruptible) {
            // Most processes are gone a millisecond or two after the signal: look again soon, then every poll.
            long wait = Math.min(1, poll.toMillis());
            while (true) {
                if (condition.getAsBoolean()) {
                    return true;
                }
                if ((interruptible && interrupted) || System.nanoTime() - deadlineNanos > 0) {
                    return false;
                }
                try {
                    Thread.sleep(wait);
                    wait = Math.min(wait * 2, poll.toMillis());
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }

        StopOutcome finish(StopOutcome outcome) {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return outcome;
        }
    }
}
