package dev.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.OrchestratorListener;
import dev.orchestrator.ServiceSnapshot;
import dev.orchestrator.ServiceState;
import dev.orchestrator.StackSnapshot;
import dev.process.ProcessPlatform;
import dev.run.ControlClient;
import dev.run.ControlProtocol;
import dev.run.Json;
import dev.run.RunInspector;
import dev.run.StateJson;
import dev.ui.ConsoleView;
import dev.ui.Glyphs;
import dev.ui.Hyperlinks;
import dev.ui.LiveTerminal;
import dev.ui.LiveView;
import dev.ui.View;
import java.io.EOFException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show each service's state, health, pid, port/URL, uptime, restarts and last failure.",
            "Exit 0 when every non-optional service is healthy or completed, 1 otherwise, 3 when not running.",
            "Never parses dev.toml; answers from .dev/ even when the orchestrator hangs."})
final class StatusCommand extends ConfigCommand {
    @Parameters(paramLabel = "SERVICE", arity = "0..*", completionCandidates = ServiceNames.class,
            description = "Only these services.")
    List<String> services = new ArrayList<>();

    @Option(names = "--json", description = "Machine-readable output (schema in README).")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing; the exit code tells.")
    boolean quiet;

    @Option(names = {"-w", "--watch"}, description = "Follow every change: on a terminal a live status (q stops watching, r restarts a service);"
            + " elsewhere the table, then one line per state change.")
    boolean watch;

    @Override
    protected int execute() throws Exception {
        RunInspector.Found found = RunInspector.inspect(runDirectory(), ProcessPlatform.current());
        if (found.liveness() != RunInspector.Liveness.ALIVE || found.lock().isEmpty()) {
            return notRunning(found);
        }
        if (watch && !quiet) {
            return watch(found);
        }
        Optional<StackSnapshot> live = RunInspector.askStatus(found.lock().get());
        boolean responding = live.isPresent();
        Optional<StackSnapshot> shown = live.or(() -> found.state().map(s -> s.snapshot()));
        if (shown.isEmpty()) {
            if (!quiet) {
                err().println("the orchestrator (pid " + found.lock().get().pid() + ") is not responding and left no state");
            }
            return ExitCode.FAILED;
        }
        StackSnapshot s = StatusTable.filter(shown.get(), services);
        if (json) {
            ObjectNode n = StateJson.stack(s, Instant.now());
            ObjectNode orch = n.putObject("orchestrator");
            orch.put("pid", found.lock().get().pid());
            orch.put("responding", responding);
            out().println(Json.writePretty(n));
        } else if (!quiet) {
            if (!responding) {
                err().println(ansi().yellow("warning:") + " the orchestrator (pid " + found.lock().get().pid()
                        + ") is not responding; showing the last recorded state. 'dev stop' still works.");
            }
            new StatusTable(out(), ansi()).print(s, Instant.now());
        }
        return exitCode(s);
    }

    private int notRunning(RunInspector.Found found) throws Exception {
        if (json) {
            ObjectNode n = Json.object();
            n.put("schema", StateJson.SCHEMA);
            n.put("running", false);
            n.put("leftovers", found.liveness() == RunInspector.Liveness.DEAD);
            out().println(Json.writePretty(n));
        } else if (!quiet) {
            if (found.liveness() == RunInspector.Liveness.DEAD) {
                out().println("not running: the orchestrator" + found.lock().map(l -> " (pid " + l.pid() + ")").orElse("")
                        + " is gone; processes it started may be left — 'dev stop' cleans them up");
            } else {
                out().println("not running");
            }
        }
        return ExitCode.NOT_RUNNING;
    }

    /**
     * The stack as {@code dev start} shows it, fed by the control socket's event stream: on a
     * terminal, the live view (pinned status; {@code r} restarts, {@code q} stops watching, the
     * stack goes on); elsewhere the table once, then one plain line per state change.
     */
    private int watch(RunInspector.Found found) throws Exception {
        java.nio.file.Path socket = found.lock().get().socket();
        try (ControlClient client = ControlClient.connect(socket)) {
            client.send(ControlProtocol.request("subscribe"));
            JsonNode first = client.until(e -> "snapshot".equals(e.path("event").asText()), Duration.ofSeconds(5));
            if (first == null) {
                err().println("the orchestrator (pid " + found.lock().get().pid() + ") is not responding");
                return ExitCode.FAILED;
            }
            StackSnapshot initial = StatusTable.filter(StateJson.stack(first.get("stack")), services);
            List<String> names = initial.services().stream().map(ServiceSnapshot::name).toList();
            Instant began = initial.startedAt() != null ? initial.startedAt() : Instant.now();
            boolean announceUp = !initial.allUp();
            CountDownLatch quit = new CountDownLatch(1);
            boolean live = LiveView.wanted(context().env(), context().stdoutIsTerminal());
            View view;
            if (live) {
                LiveView.Controls controls = new LiveView.Controls() {
                    @Override
                    public void quit() {
                        quit.countDown();
                    }

                    @Override
                    public void restart(String service) {
                        requestRestart(socket, service);
                    }
                };
                view = LiveView.start(new LiveView.Settings(names, ansi(), Glyphs.forTerminal(context().env()),
                        Hyperlinks.supported(context().env()), true, false, "stop watching", began, Clock.systemUTC(),
                        announceUp), controls, LiveTerminal::openSystem, out());
            } else {
                new StatusTable(out(), ansi()).print(initial, Instant.now());
                out().flush();
                view = new ConsoleView(out(), ansi(), names, began, Clock.systemUTC(), announceUp);
            }
            try (view) {
                view.snapshot(initial);
                while (quit.getCount() > 0) {
                    JsonNode event = client.next(Duration.ofMillis(200));
                    if (event != null) {
                        forward(event, view);
                    }
                }
                return ExitCode.OK;
            } catch (EOFException e) {
                view.devLine("the stack stopped");
                return ExitCode.NOT_RUNNING;
            }
        }
    }

    /** One control-socket event to the view, as the orchestrator would have called it in-process. */
    private void forward(JsonNode event, View view) {
        switch (event.path("event").asText()) {
            case "snapshot" -> view.snapshot(StatusTable.filter(StateJson.stack(event.get("stack")), services));
            case "transition" -> {
                String service = event.path("service").asText();
                if (!services.isEmpty() && !services.contains(service)) {
                    return;
                }
                ServiceSnapshot snapshot = StateJson.service(event.get("snapshot"));
                List<String> lastLines = new ArrayList<>();
                event.path("last_lines").forEach(l -> lastLines.add(l.asText()));
                view.transition(new OrchestratorListener.Transition(service,
                        ServiceState.parse(event.path("from").asText()), ServiceState.parse(event.path("to").asText()),
                        event.path("elapsed_ms").asLong(), snapshot.failure(), lastLines, snapshot));
            }
            case "notice" -> view.notice(event.path("message").asText());
            default -> {
                // an event kind this version does not know: nothing to show
            }
        }
    }

    /** Asks the orchestrator to restart a service, off the key thread (the reply comes once it is up). */
    private void requestRestart(java.nio.file.Path socket, String service) {
        Thread t = new Thread(() -> {
            try (ControlClient c = ControlClient.connect(socket)) {
                JsonNode reply = c.request(ControlProtocol.request("restart", List.of(service)), Duration.ofMinutes(10));
                if (ControlProtocol.isError(reply)) {
                    err().println("restart " + service + ": " + reply.path("error").asText());
                }
            } catch (java.io.IOException e) {
                // the stack stopped meanwhile: the watch says so itself
            }
        }, "dev-watch-restart");
        t.setDaemon(true);
        t.start();
    }

    static int exitCode(StackSnapshot s) {
        return s.allUp() ? ExitCode.OK : ExitCode.FAILED;
    }
}
