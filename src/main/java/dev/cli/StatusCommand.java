package dev.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.StackSnapshot;
import dev.process.ProcessPlatform;
import dev.run.ControlClient;
import dev.run.ControlProtocol;
import dev.run.Json;
import dev.run.RunInspector;
import dev.run.StateJson;
import java.io.EOFException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    @Option(names = {"-w", "--watch"}, description = "Redraw on every change until interrupted.")
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
            out().println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(n));
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
            out().println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(n));
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

    private int watch(RunInspector.Found found) throws Exception {
        try (ControlClient client = ControlClient.connect(found.lock().get().socket())) {
            client.send(ControlProtocol.request("subscribe"));
            StatusTable table = new StatusTable(out(), ansi());
            boolean clear = context().stdoutIsTerminal();
            while (true) {
                JsonNode event = client.next(Duration.ofSeconds(1));
                if (event == null || !"snapshot".equals(event.path("event").asText())) {
                    continue;
                }
                StackSnapshot s = StatusTable.filter(StateJson.stack(event.get("stack")), services);
                if (clear) {
                    out().print("\u001b[H\u001b[2J");
                } else {
                    out().println();
                }
                table.print(s, Instant.now());
                out().flush();
            }
        } catch (EOFException e) {
            out().println("the stack stopped");
            return ExitCode.NOT_RUNNING;
        }
    }

    static int exitCode(StackSnapshot s) {
        return s.allUp() ? ExitCode.OK : ExitCode.FAILED;
    }
}
