package dev.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.StackSnapshot;
import dev.process.ProcessPlatform;
import dev.run.ControlClient;
import dev.run.ControlProtocol;
import dev.run.RunInspector;
import dev.run.StateJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "restart", mixinStandardHelpOptions = true,
        description = {"Stop then start the named services and what depends on them, in order, leaving the rest alone.",
            "Also retries services that failed. Returns when they are up again (or failed: exit 1)."})
final class RestartCommand extends ConfigCommand {
    @Parameters(paramLabel = "SERVICE", arity = "1..*", completionCandidates = ServiceNames.class,
            description = "Services to restart.")
    List<String> services = new ArrayList<>();

    @Override
    protected int execute() throws Exception {
        RunInspector.Found found = RunInspector.inspect(runDirectory(), ProcessPlatform.current());
        if (found.liveness() != RunInspector.Liveness.ALIVE || found.lock().isEmpty()) {
            throw new UserException(ExitCode.NOT_RUNNING, "the stack is not running", "start it with 'dev start'");
        }
        long pid = found.lock().get().pid();
        try (ControlClient client = ControlClient.connect(found.lock().get().socket())) {
            // A quick ping first: a restart may rightly take minutes, a hung orchestrator must not make it hang.
            client.request(ControlProtocol.request("status"), RunInspector.ANSWER_TIMEOUT);
            JsonNode reply = client.request(ControlProtocol.request("restart", services), Duration.ofMinutes(10));
            if (ControlProtocol.isError(reply)) {
                throw new UserException(ExitCode.USAGE, reply.path("error").asText(), "see 'dev status' for the services");
            }
            StackSnapshot s = StateJson.stack(reply.get("stack"));
            new StatusTable(out(), ansi()).print(s, Instant.now());
            boolean failed = s.services().stream().filter(x -> services.contains(x.name()) && !x.optional())
                    .anyMatch(x -> !x.state().up());
            return failed ? ExitCode.FAILED : ExitCode.OK;
        } catch (java.net.SocketTimeoutException | java.net.ConnectException | java.nio.file.NoSuchFileException e) {
            throw new UserException(ExitCode.FAILED, "the orchestrator (pid " + pid + ") is not responding",
                    "see 'dev status'; 'dev stop' works even when it hangs");
        } catch (java.io.EOFException e) {
            throw new UserException(ExitCode.FAILED, "the orchestrator (pid " + pid + ") stopped during the restart",
                    "see 'dev status' and .dev/orchestrator.log");
        }
    }
}
