package dev.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.StackSnapshot;
import dev.process.ProcessPlatform;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * What {@code dev status/stop/restart} find in {@code .dev/} without parsing dev.toml: whether an
 * orchestrator is alive (its lock identity matches a live process), answers on its socket, or is
 * gone leaving a state file behind.
 */
public final class RunInspector {
    /** How long a live orchestrator gets to answer before it is called hung. */
    public static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(2);

    private RunInspector() {
    }

    public enum Liveness {
        /** No lock owner, no state: nothing runs. */
        NOT_RUNNING,
        /** The lock owner is alive. */
        ALIVE,
        /** The recorded owner is gone; a state file (leftovers) may remain. */
        DEAD
    }

    /**
     * What {@code .dev/} holds. The state file is read on first use, not up front: a live orchestrator's own
     * answer makes it unnecessary for {@code dev status}, and reading it cost that command 6–12 ms.
     */
    public static final class Found {
        private final RunDirectory dir;
        private final Optional<LockInfo> lock;
        private final String lockProblem;
        private final Liveness liveness;
        private Optional<RunState> state;
        private String stateProblem;

        private Found(RunDirectory dir, Optional<LockInfo> lock, String lockProblem, Optional<RunState> state,
                      String stateProblem, Liveness liveness) {
            this.dir = dir;
            this.lock = lock;
            this.lockProblem = lockProblem;
            this.state = state;
            this.stateProblem = stateProblem;
            this.liveness = liveness;
        }

        public RunDirectory dir() {
            return dir;
        }

        public Optional<LockInfo> lock() {
            return lock;
        }

        /** Why the lock file could not be read, or null. */
        public String lockProblem() {
            return lockProblem;
        }

        public Liveness liveness() {
            return liveness;
        }

        /** The state file's run, read when first asked for; empty when there is none or it is damaged. */
        public synchronized Optional<RunState> state() {
            if (state == null) {
                readState();
            }
            return state;
        }

        /** Why the state file could not be read, or null. */
        public synchronized String stateProblem() {
            if (state == null) {
                readState();
            }
            return stateProblem;
        }

        private void readState() {
            try {
                state = StateFile.read(dir.stateFile());
            } catch (IllegalArgumentException e) {
                state = Optional.empty();
                stateProblem = e.getMessage();
            }
        }
    }

    public static Found inspect(RunDirectory dir, ProcessPlatform platform) throws IOException {
        Optional<LockInfo> lock = Optional.empty();
        String lockProblem = null;
        try {
            lock = RunLock.read(dir.lockFile());
        } catch (IllegalArgumentException e) {
            lockProblem = e.getMessage();
        }
        if (lock.isPresent() && platform.matches(lock.get().identity())) {
            return new Found(dir, lock, lockProblem, null, null, Liveness.ALIVE); // the state only if asked for
        }
        if (lock.isEmpty() && lockProblem != null && RunLock.held(dir.lockFile())) {
            return new Found(dir, lock, lockProblem, null, null, Liveness.ALIVE); // held, unreadable: being written
        }
        Found found = new Found(dir, lock, lockProblem, null, null, Liveness.NOT_RUNNING);
        boolean leftovers = found.state().isPresent() || found.stateProblem() != null;
        return leftovers ? new Found(dir, lock, lockProblem, found.state(), found.stateProblem(), Liveness.DEAD) : found;
    }

    /** Asks a live orchestrator for its status; empty when it does not answer in time. */
    public static Optional<StackSnapshot> askStatus(LockInfo lock) {
        try (ControlClient client = ControlClient.connect(lock.socket())) {
            JsonNode reply = client.request(ControlProtocol.request("status"), ANSWER_TIMEOUT);
            if (ControlProtocol.isError(reply)) {
                return Optional.empty();
            }
            return Optional.of(StateJson.stack(reply.get("stack")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
