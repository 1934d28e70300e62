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
import dev.ui.Glyphs;
import dev.ui.Hyperlinks;
import dev.ui.LiveTerminal;
import dev.ui.LiveView;
import dev.ui.View;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code dev start} in this process: run session, orchestrator, view, signal handling. The view is
 * the live one (pinned status, keys) on a terminal outside CI, plain lines otherwise.
 */
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
        // The keys and the signals share one count: q then Ctrl-C is a second request, and kills.
        AtomicInteger quits = new AtomicInteger();
        AtomicReference<Orchestrator> running = new AtomicReference<>();
        AtomicReference<View> shown = new AtomicReference<>();
        LiveView.Controls controls = new LiveView.Controls() {
            @Override
            public void quit() {
                Orchestrator o = running.get();
                if (o != null) {
                    onSignal(quits.incrementAndGet(), o, shown.get());
                }
            }

            @Override
            public void restart(String service) {
                Orchestrator o = running.get();
                if (o != null) {
                    o.restart(Set.of(service));
                }
            }
        };
        try (View view = openView(List.copyOf(plan.services().keySet()), began, controls)) {
            shown.set(view);
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
                running.set(orchestrator);
                try (SignalTrap trap = new SignalTrap(count -> onSignal(quits.incrementAndGet(), orchestrator, view))) {
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

    private View openView(List<String> services, Instant began, LiveView.Controls controls) {
        if (!LiveView.wanted(context.env(), context.stdoutIsTerminal())) {
            return new ConsoleView(context.out(), ansi, services, began);
        }
        LiveView.Settings settings = new LiveView.Settings(services, ansi, Glyphs.forTerminal(context.env()),
                Hyperlinks.supported(context.env()), true, true, "stop", began, Clock.systemUTC(), true);
        return LiveView.start(settings, controls, LiveTerminal::openSystem, context.out());
    }

    private static void onSignal(int count, Orchestrator orchestrator, View view) {
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
