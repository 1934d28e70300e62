package dev.cli;

import dev.orchestrator.Orchestrator;
import dev.orchestrator.OrchestratorListener;
import dev.plan.StartPlan;
import dev.process.ProcessPlatform;
import dev.run.AlreadyRunningException;
import dev.run.LockInfo;
import dev.run.RunDirectory;
import dev.run.RunSession;
import dev.ui.Ansi;
import dev.ui.ConsoleView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code dev start} in this process: run session, orchestrator, console view, signal handling. */
final class ForegroundRun {
    /** Opens the first line once the run is set up; {@link DetachedStart} relays what came before it. */
    static final String BANNER = "starting ";

    private final CliContext context;
    private final Ansi ansi;
    private final RunDirectory run;
    private final ProcessPlatform platform;

    ForegroundRun(CliContext context, Ansi ansi, RunDirectory run, ProcessPlatform platform) {
        this.context = context;
        this.ansi = ansi;
        this.run = run;
        this.platform = platform;
    }

    int run(StartPlan plan, String runId, boolean abortOnFailure) throws Exception {
        Instant began = Instant.now();
        var project = plan.config().project();
        try (ConsoleView view = new ConsoleView(context.out(), ansi, List.copyOf(plan.services().keySet()), began)) {
            RunSession session;
            try {
                session = RunSession.open(run, plan, runId, context.env(), platform, view::devLine);
            } catch (AlreadyRunningException e) {
                throw alreadyRunning(e.owner());
            }
            try {
                view.devLine(BANNER + ansi.bold(project.name()) + ": " + describeLevels(plan));
                Orchestrator orchestrator = new Orchestrator(plan,
                        new Orchestrator.Options(runId, run.logs(), project.logMaxSize(), project.logMaxFiles(),
                                abortOnFailure),
                        platform, OrchestratorListener.all(List.of(view, session.listener())));
                session.attach(new StackTarget(orchestrator));
                try (SignalTrap trap = new SignalTrap(count -> onSignal(count, orchestrator, view))) {
                    orchestrator.start(Set.of());
                    int code = orchestrator.terminated().get();
                    view.devLine(code == 0 ? "all stopped" : "stopped, with problems (see above)");
                    return code;
                } finally {
                    orchestrator.close();
                }
            } finally {
                session.close();
            }
        }
    }

    private static void onSignal(int count, Orchestrator orchestrator, ConsoleView view) {
        if (count == 1) {
            view.devLine("stopping (Ctrl-C again to kill everything at once)…");
            orchestrator.stop(Set.of(), false, null);
        } else {
            view.devLine("killing every service now");
            orchestrator.stop(Set.of(), true, null);
        }
    }

    static UserException alreadyRunning(LockInfo owner) {
        return new UserException(ExitCode.ALREADY_RUNNING,
                "dev is already running for this project (orchestrator pid " + owner.pid() + ", started "
                        + owner.startedAt() + ")",
                "see it with 'dev status', stop it with 'dev stop'");
    }

    private static String describeLevels(StartPlan plan) {
        List<String> levels = new ArrayList<>();
        for (List<String> level : plan.levels()) {
            levels.add(level.size() == 1 ? level.get(0) : "(" + String.join(", ", level) + ")");
        }
        return String.join(" → ", levels);
    }
}
