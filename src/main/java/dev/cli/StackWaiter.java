package dev.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.OrchestratorListener.Transition;
import dev.orchestrator.ServiceSnapshot;
import dev.orchestrator.ServiceState;
import dev.orchestrator.StackSnapshot;
import dev.run.ControlClient;
import dev.run.ControlProtocol;
import dev.run.LockInfo;
import dev.run.StateJson;
import dev.ui.Ansi;
import dev.ui.TransitionText;
import java.io.EOFException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --wait}: follows a background orchestrator's event stream, printing each state change,
 * until every non-optional service is up (0), a required one fails (1), or the timeout passes (124).
 * The stack is left running in every case.
 */
final class StackWaiter {
    private final CliContext context;
    private final Ansi ansi;

    StackWaiter(CliContext context, Ansi ansi) {
        this.context = context;
        this.ansi = ansi;
    }

    int await(LockInfo owner, Duration timeout) throws IOException {
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        try (ControlClient client = ControlClient.connect(owner.socket())) {
            client.send(ControlProtocol.request("subscribe"));
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    context.err().println(ansi.yellow("timed out") + " after " + dev.config.Durations.format(timeout)
                            + " waiting for the stack; it is still running (dev status, dev logs, dev stop)");
                    return ExitCode.TIMEOUT;
                }
                JsonNode event = client.next(Duration.ofNanos(Math.min(left, Duration.ofSeconds(1).toNanos())));
                if (event == null) {
                    continue;
                }
                String kind = event.path("event").asText();
                if (kind.equals("transition")) {
                    printTransition(event);
                } else if (kind.equals("notice")) {
                    context.out().println(ansi.bold("dev") + " │ " + event.path("message").asText());
                } else if (kind.equals("snapshot")) {
                    StackSnapshot s = StateJson.stack(event.get("stack"));
                    if (s.services().isEmpty()) {
                        continue; // the orchestrator is still setting up
                    }
                    if (s.anyRequiredFailed()) {
                        context.err().println(ansi.red("✖ the stack did not come up") + "; it is still running:"
                                + " fix the cause, then 'dev restart SERVICE' or 'dev stop'");
                        return ExitCode.FAILED;
                    }
                    if (s.allUp()) {
                        context.out().println(ansi.green("✔ stack is up") + urls(s));
                        return ExitCode.OK;
                    }
                }
            }
        } catch (EOFException e) {
            context.err().println(ansi.red("error:") + " the orchestrator stopped before the stack was up"
                    + " (see .dev/orchestrator.log)");
            return ExitCode.FAILED;
        }
    }

    private void printTransition(JsonNode event) {
        ServiceSnapshot snapshot = StateJson.service(event.get("snapshot"));
        List<String> lastLines = new ArrayList<>();
        event.path("last_lines").forEach(l -> lastLines.add(l.asText()));
        Transition t = new Transition(event.path("service").asText(), ServiceState.parse(event.path("from").asText()),
                ServiceState.parse(event.path("to").asText()), event.path("elapsed_ms").asLong(), snapshot.failure(),
                lastLines, snapshot);
        String line = TransitionText.describe(t, ansi);
        if (line != null) {
            context.out().println(ansi.bold("dev") + " │ " + line);
        }
        if (t.failure() != null && (t.to() == ServiceState.FAILED || t.to() == ServiceState.SKIPPED)) {
            if (t.failure().suggestion() != null) {
                context.out().println("    " + ansi.dim("hint: ") + t.failure().suggestion());
            }
            lastLines.forEach(l -> context.out().println("    " + ansi.dim("│ ") + l));
        }
    }

    private String urls(StackSnapshot s) {
        List<String> parts = new ArrayList<>();
        for (ServiceSnapshot svc : s.services()) {
            if (svc.url() != null && svc.state() != ServiceState.COMPLETED) {
                parts.add(svc.name() + " " + ansi.cyan(svc.url()));
            }
        }
        return parts.isEmpty() ? "" : ": " + String.join("  ", parts);
    }
}
