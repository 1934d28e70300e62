package dev.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.config.Durations;
import dev.config.Signal;
import dev.process.ProcessPlatform;
import dev.run.ControlClient;
import dev.run.ControlProtocol;
import dev.run.LockInfo;
import dev.run.Reaper;
import dev.run.RunDirectory;
import dev.run.RunInspector;
import dev.run.RunState;
import dev.run.StateFile;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "stop", mixinStandardHelpOptions = true,
        description = {"Stop the running stack (or only the named services and what depends on them), from any shell.",
            "Graceful: stop signal to each process group, SIGKILL after its stop_timeout, in reverse dependency order.",
            "Works when the orchestrator died or hangs: the groups recorded in .dev/ are stopped directly."})
final class StopCommand extends ConfigCommand {
    @Parameters(paramLabel = "SERVICE", arity = "0..*", completionCandidates = ServiceNames.class,
            description = "Services to stop (default: the whole stack).")
    List<String> services = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "DUR", description = "Grace period before SIGKILL, for every service.")
    String timeout;

    @Option(names = "--force", description = "Skip the grace period: SIGKILL at once.")
    boolean force;

    /** Used by the watchdog: reap only if the run it guards is still the one recorded. */
    @Option(names = "--watchdog", paramLabel = "RUN_ID", hidden = true)
    String watchdogRunId;

    @Override
    protected int execute() throws Exception {
        Duration grace = force ? Duration.ZERO : parseTimeout();
        RunDirectory run = runDirectory();
        ProcessPlatform platform = ProcessPlatform.current();
        RunInspector.Found found = RunInspector.inspect(run, platform);
        if (watchdogRunId != null && !guardsThisRun(found)) {
            return ExitCode.OK;
        }
        if (found.liveness() == RunInspector.Liveness.ALIVE && found.lock().isPresent()) {
            Optional<Integer> answered = askOrchestrator(found.lock().get(), grace, run);
            if (answered.isPresent()) {
                return answered.get();
            }
            out().println(ansi().yellow("the orchestrator (pid " + found.lock().get().pid()
                    + ") is not responding;") + " stopping its services directly");
            int code = reap(found, grace, run, platform);
            killHungOrchestrator(found.lock().get(), platform);
            return code;
        }
        if (found.liveness() == RunInspector.Liveness.NOT_RUNNING) {
            out().println("nothing is running for this project");
            return ExitCode.OK;
        }
        if (!services.isEmpty()) {
            out().println("the orchestrator is gone, so everything it left is stopped (not only "
                    + String.join(", ", services) + ")");
        }
        return reap(found, grace, run, platform);
    }

    private boolean guardsThisRun(RunInspector.Found found) {
        if (found.liveness() == RunInspector.Liveness.ALIVE) {
            return false; // a live orchestrator (a newer run) is in charge
        }
        return found.state().map(s -> watchdogRunId.equals(s.runId()))
                .orElse(found.lock().map(l -> watchdogRunId.equals(l.runId())).orElse(false));
    }

    /** @return the exit code, or empty when the orchestrator did not answer in time (hung) */
    private Optional<Integer> askOrchestrator(LockInfo owner, Duration grace, RunDirectory run) throws IOException {
        try (ControlClient client = ControlClient.connect(owner.socket())) {
            if (client.request(ControlProtocol.request("status"), RunInspector.ANSWER_TIMEOUT) == null) {
                return Optional.empty();
            }
            ObjectNode request = ControlProtocol.request("stop", services);
            request.put("force", force);
            if (grace != null) {
                request.put("timeout_ms", grace.toMillis());
            }
            long started = System.nanoTime();
            // Bounded by the orchestrator's own escalation; this only guards against it dying mid-way.
            JsonNode reply = client.request(request, Duration.ofMinutes(10));
            if (ControlProtocol.isError(reply)) {
                throw new UserException(ExitCode.USAGE, reply.path("error").asText(), "see 'dev status' for the services");
            }
            if (services.isEmpty()) {
                awaitExit(owner);
            }
            out().println("stopped " + (services.isEmpty() ? "the stack" : String.join(", ", services)) + " in "
                    + Durations.format(Duration.ofNanos(System.nanoTime() - started)));
            return Optional.of(ExitCode.OK);
        } catch (java.net.SocketTimeoutException e) {
            return Optional.empty();
        } catch (java.net.ConnectException | java.nio.file.NoSuchFileException e) {
            return Optional.empty(); // alive but no socket: treat like hung
        } catch (java.io.EOFException e) {
            // It hung up without answering: it exited after stopping everything, or it died on the way (killed,
            // out of memory) and left services running. Only the run directory can tell which.
            awaitExit(owner);
            return Optional.of(afterHangUp(run, grace));
        }
    }

    /** After the orchestrator hung up mid-request: done if it cleaned up, else stop what it left behind. */
    private int afterHangUp(RunDirectory run, Duration grace) throws IOException {
        ProcessPlatform platform = ProcessPlatform.current();
        RunInspector.Found found = RunInspector.inspect(run, platform);
        if (found.liveness() != RunInspector.Liveness.DEAD) {
            out().println("stopped the stack");
            return ExitCode.OK;
        }
        out().println(ansi().yellow("the orchestrator died while stopping;") + " stopping what it left directly");
        return reap(found, grace, run, platform);
    }

    /** A whole-stack stop returns once the orchestrator released the lock, so 'dev start' works at once. */
    private void awaitExit(LockInfo owner) {
        ProcessPlatform platform = ProcessPlatform.current();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline && platform.matches(owner.identity())) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private int reap(RunInspector.Found found, Duration grace, RunDirectory run, ProcessPlatform platform)
            throws IOException {
        Reaper reaper = new Reaper(platform, line -> out().println("  " + line));
        Optional<RunState> state = found.state();
        boolean incomplete = false;
        if (state.isPresent()) {
            Reaper.Report report = reaper.reap(state.get(), grace);
            incomplete = !report.incomplete().isEmpty();
            out().println(report.nothingFound() ? "nothing was left running"
                    : "stopped what the last run left behind");
        } else {
            if (found.stateProblem() != null) {
                err().println(ansi().yellow("warning: ") + found.stateProblem()
                        + "; looking for leftover processes by their environment instead");
            }
            List<String> reaped = found.lock().map(l -> reaper.sweep("DEV_RUN_ID", l.runId(), Set.of()))
                    .orElse(List.of());
            if (reaped.isEmpty()) {
                reaped = reaper.sweep("DEV_PROJECT_ROOT", run.projectRoot().toString(), Set.of());
            }
            out().println(reaped.isEmpty() ? "nothing was left running" : "stopped " + reaped.size() + " leftover processes");
        }
        StateFile.delete(run.stateFile());
        if (incomplete) {
            err().println(ansi().red("error:") + " some processes could not be stopped (see above)");
            return ExitCode.FAILED;
        }
        return ExitCode.OK;
    }

    private void killHungOrchestrator(LockInfo owner, ProcessPlatform platform) {
        if (platform.matches(owner.identity())) {
            platform.signalProcess(owner.pid(), Signal.KILL);
            out().println("  killed the hung orchestrator (pid " + owner.pid() + ")");
        }
    }

    private Duration parseTimeout() {
        if (timeout == null) {
            return null;
        }
        return Durations.parse(timeout).orElseThrow(() -> new UserException(ExitCode.USAGE,
                "invalid --timeout '" + timeout + "'", "use a duration such as 5s, 1m or 500ms"));
    }
}
