package dev.orchestrator;

import dev.logs.LogRecord;
import java.util.List;

/**
 * How the orchestrator tells the outside world (terminal view, state file, control socket) what
 * happens. {@link #snapshot} and {@link #transition} run on the event loop and must not block:
 * hand slow work to your own thread. {@link #output} runs on pump threads, once per line.
 */
public interface OrchestratorListener {
    default void snapshot(StackSnapshot snapshot) {
    }

    default void transition(Transition transition) {
    }

    default void output(String service, LogRecord.Stream stream, String raw) {
    }

    /** Something worth a line that is not a state change, e.g. an escaped process that was reaped. */
    default void notice(String message) {
    }

    /**
     * A state change.
     *
     * @param elapsedMillis time since the service's process was spawned (or since the request), for
     *                      "healthy in 1.3s"
     * @param lastLines     the service's last output lines, filled for failures
     */
    record Transition(String service, ServiceState from, ServiceState to, long elapsedMillis, Failure failure,
                      List<String> lastLines, ServiceSnapshot snapshot) {
    }

    static OrchestratorListener all(List<OrchestratorListener> listeners) {
        List<OrchestratorListener> copy = List.copyOf(listeners);
        return new OrchestratorListener() {
            @Override
            public void snapshot(StackSnapshot snapshot) {
                copy.forEach(l -> l.snapshot(snapshot));
            }

            @Override
            public void transition(Transition transition) {
                copy.forEach(l -> l.transition(transition));
            }

            @Override
            public void output(String service, LogRecord.Stream stream, String raw) {
                copy.forEach(l -> l.output(service, stream, raw));
            }

            @Override
            public void notice(String message) {
                copy.forEach(l -> l.notice(message));
            }
        };
    }
}
