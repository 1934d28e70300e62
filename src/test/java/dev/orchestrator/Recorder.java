package dev.orchestrator;

import dev.logs.LogRecord;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** An {@link OrchestratorListener} that keeps everything it hears, for assertions from the test thread. */
final class Recorder implements OrchestratorListener {
    private final List<Transition> transitions = new CopyOnWriteArrayList<>();
    private final List<String> notices = new CopyOnWriteArrayList<>();
    private final List<String> output = new CopyOnWriteArrayList<>();

    @Override
    public void transition(Transition transition) {
        transitions.add(transition);
    }

    @Override
    public void notice(String message) {
        notices.add(message);
    }

    @Override
    public void output(String service, LogRecord.Stream stream, String raw) {
        output.add(service + ": " + raw);
    }

    List<Transition> transitions() {
        return List.copyOf(transitions);
    }

    List<Transition> transitions(String service) {
        return transitions.stream().filter(t -> t.service().equals(service)).toList();
    }

    /** The states {@code service} went through, in order, e.g. [waiting, starting, healthy]. */
    List<ServiceState> states(String service) {
        return transitions(service).stream().map(Transition::to).toList();
    }

    List<String> notices() {
        return List.copyOf(notices);
    }

    /** Every transition, one per line, for assertion messages. */
    String log() {
        return transitions.stream().map(t -> t.service() + " " + t.from().keyword() + " → " + t.to().keyword()
                        + (t.failure() == null ? "" : " (" + t.failure().summary() + ")"))
                .collect(Collectors.joining("\n  ", "transitions:\n  ", "\nnotices: " + notices
                        + "\noutput:\n  " + String.join("\n  ", output)));
    }
}
