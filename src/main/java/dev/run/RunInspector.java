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
     * @param lockProblem  why the lock file could not be read, or null
     * @param stateProblem why the state file could not be read, or null
     */
    public record Found(RunDirectory dir, Optional<LockInfo> lock, String lockProblem, Optional<RunState> state,
                        String stateProblem, Liveness liveness) {
    }

    public static Found inspect(RunDirectory dir, ProcessPlatform platform) throws IOException {
        Optional<LockInfo> lock = Optional.empty();
        String lockProblem = null;
        try {
            lock = RunLock.read(dir.lockFile());
        } catch (IllegalArgumentException e) {
            lockProblem = e.getMessage();
        }
        Optional<RunState> state = Optional.empty();
        String stateProblem = null;
        try {
            state = StateFile.read(dir.stateFile());
        } catch (IllegalArgumentException e) {
            stateProblem = e.getMessage();
        }
        Liveness liveness;
        if (lock.isPresent() && platform.matches(lock.get().identity())) {
            liveness = Liveness.ALIVE;
        } else if (lock.isEmpty() && lockProblem != null && RunLock.held(dir.lockFile())) {
            liveness = Liveness.ALIVE; // held, but its content is unreadable: being written
        } else if (state.isPresent() || stateProblem != null) {
            liveness = Liveness.DEAD;
        } else {
            liveness = Liveness.NOT_RUNNING;
        }
        return new Found(dir, lock, lockProblem, state, stateProblem, liveness);
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
