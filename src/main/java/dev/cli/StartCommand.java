package dev.cli;

import dev.config.Config;
import dev.orchestrator.Markers;
import dev.orchestrator.Orchestrator;
import dev.orchestrator.Preparation;
import dev.plan.StartPlan;
import dev.process.ProcessPlatform;
import dev.run.RunDirectory;
import dev.ui.ConsoleView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "start", mixinStandardHelpOptions = true,
        description = {"Start the named services plus their dependencies (all when none named).",
            "Runs in the foreground: live health, every line of output, and Ctrl-C stops everything in order"
                + " (a second Ctrl-C kills at once)."})
final class StartCommand extends BaseCommand {
    @Parameters(paramLabel = "SERVICE", arity = "0..*", completionCandidates = ServiceNames.class,
            description = "Services to start (default: all).")
    List<String> services = new ArrayList<>();

    @Option(names = "--no-deps", description = "Start only the named services, not their dependencies.")
    boolean noDeps;

    @Option(names = "--abort-on-failure",
            description = "Stop everything and exit 1 as soon as a required service fails (for CI).")
    boolean abortOnFailure;

    @Override
    protected int execute() throws Exception {
        Config config = loadConfig();
        Set<String> requested = new LinkedHashSet<>(services);
        for (String s : requested) {
            if (!config.services().containsKey(s)) {
                throw new UserException(ExitCode.USAGE, "no service '" + s + "' in " + config.project().file(),
                        "services: " + String.join(", ", config.services().keySet()));
            }
        }
        ProcessPlatform platform = ProcessPlatform.current();
        String runId = Markers.newRunId();
        boolean colour = root.colorEnabled();
        StartPlan plan = Preparation.plan(config, requested, !noDeps, context().env(), runId, colour, platform,
                java.util.Map.of());
        RunDirectory run = RunDirectory.of(config.project().root());
        Instant began = Instant.now();
        try (ConsoleView view = new ConsoleView(out(), ansi(), List.copyOf(plan.services().keySet()), began)) {
            view.devLine("starting " + ansi().bold(config.project().name()) + ": " + describeLevels(plan));
            Orchestrator orchestrator = new Orchestrator(plan,
                    new Orchestrator.Options(runId, run.logs(), config.project().logMaxSize(),
                            config.project().logMaxFiles(), abortOnFailure),
                    platform, view);
            try (SignalTrap trap = new SignalTrap(count -> {
                if (count == 1) {
                    view.devLine("stopping (Ctrl-C again to kill everything at once)…");
                    orchestrator.stop(Set.of(), false, null);
                } else {
                    view.devLine("killing every service now");
                    orchestrator.stop(Set.of(), true, null);
                }
            })) {
                orchestrator.start(Set.of());
                int code = orchestrator.terminated().get();
                view.devLine(code == 0 ? "all stopped" : "stopped, with problems (see above)");
                return code;
            } finally {
                orchestrator.close();
            }
        }
    }

    private static String describeLevels(StartPlan plan) {
        List<String> levels = new ArrayList<>();
        for (List<String> level : plan.levels()) {
            levels.add(level.size() == 1 ? level.get(0) : "(" + String.join(", ", level) + ")");
        }
        return String.join(" → ", levels);
    }
}
