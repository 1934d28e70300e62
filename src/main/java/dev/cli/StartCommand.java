package dev.cli;

import dev.config.Config;
import dev.config.ConfigException;
import dev.config.Durations;
import dev.orchestrator.Markers;
import dev.plan.StartPlan;
import dev.process.ProcessPlatform;
import dev.run.RunDirectory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "start", mixinStandardHelpOptions = true,
        description = {"Start the named services plus their dependencies (all when none named).",
            "Runs in the foreground: live health, every line of output, and Ctrl-C stops everything in order"
                + " (a second Ctrl-C kills at once). With -d it runs in the background instead."})
final class StartCommand extends ConfigCommand {
    @Parameters(paramLabel = "SERVICE", arity = "0..*", completionCandidates = ServiceNames.class,
            description = "Services to start (default: all).")
    List<String> services = new ArrayList<>();

    @Option(names = "--no-deps", description = "Start only the named services, not their dependencies.")
    boolean noDeps;

    @Option(names = "--abort-on-failure",
            description = "Stop everything and exit 1 as soon as a required service fails (for CI).")
    boolean abortOnFailure;

    @Option(names = {"-d", "--detach"}, description = "Run the stack in the background and return once it is starting.")
    boolean detach;

    @Option(names = "--wait", description = "Return when every started non-optional service is healthy or completed"
            + " (implies --detach); exit 1 with the failure report if one fails.")
    boolean waitUntilUp;

    @Option(names = "--timeout", paramLabel = "DUR", description = "With --wait: give up after DUR (exit 124), leaving the stack running.")
    String timeout;

    /** Set on the background orchestrator that -d launches: run in the foreground, output to a log file. */
    @Option(names = "--detached-child", hidden = true)
    boolean detachedChild;

    @Override
    protected int execute() throws Exception {
        Duration waitTimeout = parseTimeout();
        if (detach || waitUntilUp) {
            return startInBackground(waitTimeout);
        }
        Config config = loadConfig();
        Set<String> requested = new LinkedHashSet<>(services);
        requireKnown(config, requested, root.workingDirectory());
        return runHere(context(), ansi(), config, requested, !noDeps, abortOnFailure, root.colorEnabled() && !detachedChild);
    }

    /**
     * {@code -d}/{@code --wait}: the orchestrator is started first, and this process reads dev.toml while the
     * new JVM boots, to report config errors itself. Whether a stack already runs is the orchestrator's to find
     * (it cannot take the lock); {@link DetachedStart} then names the owner, exit 4.
     */
    private int startInBackground(Duration waitTimeout) throws Exception {
        Path file = configFile();
        // The project root is the directory of dev.toml, as ConfigLoader makes it.
        RunDirectory run = RunDirectory.of(file.toAbsolutePath().normalize().getParent());
        DetachedStart detached = new DetachedStart(context(), ansi(), run, ProcessPlatform.current());
        DetachedStart.Launch launch = detached.begin(childArguments(file));
        Config config;
        try {
            config = loadConfig();
            requireKnown(config, new LinkedHashSet<>(services), root.workingDirectory());
        } catch (ConfigException | UserException e) {
            detached.abandon(launch);
            throw e;
        }
        return detached.finish(launch, config.project().name(), waitUntilUp, waitTimeout);
    }

    /** The orchestrator in this process: {@code dev start} in the foreground, and the background one of -d. */
    static int runHere(CliContext context, dev.ui.Ansi ansi, Config config, Set<String> requested, boolean withDependencies,
                       boolean abortOnFailure, boolean color) throws Exception {
        RunDirectory run = RunDirectory.of(config.project().root());
        ProcessPlatform platform = ProcessPlatform.current();
        String runId = Markers.newRunId();
        StartPlan plan = dev.orchestrator.Preparation.plan(config, requested, withDependencies, context.env(), runId,
                color, platform, Map.of());
        return new ForegroundRun(context, ansi, run, platform).run(plan, runId, abortOnFailure);
    }

    static void requireKnown(Config config, Set<String> requested, java.nio.file.Path shownFrom) {
        for (String s : requested) {
            if (!config.services().containsKey(s)) {
                throw new UserException(ExitCode.USAGE, "no service '" + s + "' in "
                        + Main.relativize(shownFrom, config.project().file()),
                        "services: " + String.join(", ", config.services().keySet()));
            }
        }
    }

    private Duration parseTimeout() {
        if (timeout == null) {
            return null;
        }
        if (!waitUntilUp) {
            throw new UserException(ExitCode.USAGE, "--timeout only applies with --wait", "add --wait, or drop --timeout");
        }
        return Durations.parse(timeout).orElseThrow(() -> new UserException(ExitCode.USAGE,
                "invalid --timeout '" + timeout + "'", "use a duration such as 30s, 2m or 500ms"));
    }

    /**
     * The same start, for the background orchestrator: no colour, its output goes to a file. Read back
     * without picocli by {@link DetachedChild}; keep the two in step.
     */
    private List<String> childArguments(Path file) {
        List<String> args = new ArrayList<>(List.of("--no-color", "-f", file.toString(), "start", "--detached-child"));
        if (noDeps) {
            args.add("--no-deps");
        }
        if (abortOnFailure) {
            args.add("--abort-on-failure");
        }
        args.addAll(services);
        return args;
    }
}
